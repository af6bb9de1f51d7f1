package dev.adapthub.web.deploy;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.export.ModelSource;
import dev.adapthub.core.adaptation.AdaptationDownloads;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.content.GitObjectCache;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.hf.HfModelMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Run it on my chip": what a model's page shows beside its card. One entry per adaptation config on
 * the default branch, best estimate first; each validated one carries the command that starts it as
 * pasted (the model named by this repository and the validated commit, the hub in {@code HF_ENDPOINT}).
 * With it, the facts of the checkpoint (parameters, tensor types). Called from {@code repos/home.html}
 * as {@code @runPanels.of(repo, head)}, so the repository page stays one controller.
 */
@Component("runPanels")
public class RunPanels {

    /**
     * One config on one chip.
     *
     * @param command   what to paste: a command line, or for MindIE the download command (its config
     *                  fragment is the {@code download} link); null unless the config passed
     * @param tokensPerSecond the estimate's output tokens/s, null when the report has none
     * @param anchor    an id safe for HTML ({@code run-<chip>-<file stem>}), computed once with the cached
     *                  panel (the template asks for it three times per option: it showed in the profile)
     */
    public record RunOption(String chipId, String chipName, String family, String engine, String file,
            boolean passed, boolean stale, Double tokensPerSecond, String command, String reportUrl,
            String downloadUrl, String anchor) {

        static String anchorOf(String chipId, String file) {
            return ("run-" + chipId + "-" + file.replaceFirst("\\.ya?ml$", "")).replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }

    /** The panel; {@code options} is empty for a model without adaptation configs. */
    public record RunPanel(List<RunOption> options, ModelFacts facts) {
    }

    private static final int MAX_CONFIG_BYTES = 1 << 20;

    /**
     * Everything a panel is computed from: the commit (facts), the index generation read before
     * computing (the rows and their exports, which read configs at validated commits), the names in
     * its links and the endpoint in its commands. None of them ever changes under a key.
     */
    private record PanelKey(long repo, String fullName, RepoKind kind, ObjectId commit,
            long generation, String endpoint) {
    }

    /** Panels per key, weighted by their options (an export is a few hundred bytes). */
    private final GitObjectCache<PanelKey, RunPanel> panels = new GitObjectCache<>(20_000, p -> 1 + p.options().size());

    private final AdaptationIndex index;
    private final AdaptationDownloads downloads;
    private final ChipCenter chips;
    private final HfModelMetadata metadata;
    private final RepoFiles files;

    RunPanels(AdaptationIndex index, AdaptationDownloads downloads, ChipCenter chips, HfModelMetadata metadata,
            RepoFiles files) {
        this.index = index;
        this.downloads = downloads;
        this.chips = chips;
        this.metadata = metadata;
        this.files = files;
    }

    /** The panel of a model at its default branch's {@code head}. */
    public RunPanel of(Repo repo, ResolvedRevision head) {
        String endpoint = ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
        PanelKey key = new PanelKey(repo.id(), repo.fullName(), repo.kind(), head.commitId().copy(),
                index.generation(), endpoint);
        return panels.get(key, k -> compute(repo, head, k.endpoint()));
    }

    private RunPanel compute(Repo repo, ResolvedRevision head, String endpoint) {
        ModelFacts facts = facts(repo, head);
        if (repo.kind() != RepoKind.MODEL) {
            return new RunPanel(List.of(), facts);
        }
        List<RunOption> options = index.forRepository(repo).stream()
                .map(row -> option(repo, row, endpoint))
                .sorted(Comparator.comparing(RunOption::passed).reversed()
                        .thenComparing(o -> o.tokensPerSecond() == null ? 0 : -o.tokensPerSecond())
                        .thenComparing(RunOption::chipId).thenComparing(RunOption::file))
                .toList();
        return new RunPanel(options, facts);
    }

    /**
     * The parameter count and tensor types from the safetensors headers (as the Hugging Face API's
     * {@code safetensors} field, cached per commit), else the count estimated from config.json.
     */
    @SuppressWarnings("unchecked")
    private ModelFacts facts(Repo repo, ResolvedRevision head) {
        Map<String, Object> derived = metadata.of(repo, head);
        Object config = derived.get("config");
        String modelType = config instanceof Map<?, ?> c && c.get("model_type") instanceof String t ? t : null;
        if (derived.get("safetensors") instanceof Map<?, ?> weights) {
            Map<String, Long> types = (Map<String, Long>) weights.get("parameters");
            return new ModelFacts(((Number) weights.get("total")).longValue(), true, types, modelType);
        }
        if (repo.kind() != RepoKind.MODEL) {
            return new ModelFacts(null, false, Map.of(), modelType);
        }
        try {
            Optional<String> json = files.readText(repo, head, "config.json", MAX_CONFIG_BYTES);
            Long estimate = json.isEmpty() ? null
                    : HfConfigReader.parse("config.json", json.get().getBytes(StandardCharsets.UTF_8)).parameterCount();
            return new ModelFacts(estimate, false, Map.of(), modelType);
        } catch (ModelException | HubException e) {
            return new ModelFacts(null, false, Map.of(), modelType);
        }
    }

    private RunOption option(Repo repo, AdaptationValidation row, String endpoint) {
        Optional<ChipSpec> chip = chips.registry().catalog().find(row.chip());
        String base = "/" + repo.urlPath() + "/adaptations/" + row.chip() + "/" + row.fileName();
        String form = primaryForm(row.engine());
        String command = row.passed() ? command(repo, row, form, endpoint) : null;
        return new RunOption(row.chip(), chip.map(ChipSpec::name).orElse(row.chip()),
                chip.map(c -> c.family().name()).orElse(""), row.engine(), row.fileName(), row.passed(), row.stale(),
                row.outputTokensPerSecond(), command, base + "/report", base + "?format=" + form,
                RunOption.anchorOf(row.chip(), row.fileName()));
    }

    /** The engine form a person pastes: the command line where the engine takes one. */
    static String primaryForm(String engine) {
        return switch (engine) {
            case "llama.cpp" -> "llamacpp";
            case "mindie" -> "mindie";
            case "vllm", "vllm-ascend" -> "vllm";
            default -> "yaml";
        };
    }

    private String command(Repo repo, AdaptationValidation row, String form, String endpoint) {
        try {
            if (form.equals("mindie")) {
                // MindIE reads weights from a directory: the command fetches the validated commit into one.
                return new ModelSource(endpoint, repo.fullName(), row.commitId()).downloadCommand();
            }
            if (form.equals("yaml")) {
                return null;
            }
            return downloads.download(repo, row.chip(), row.fileName(), form, null, endpoint).text();
        } catch (HubException | IllegalArgumentException e) {
            // The panel is a convenience beside the card: a config that cannot be rendered keeps its report link.
            return null;
        }
    }
}
