package dev.adapthub.web.builder;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.adaptation.LiveReport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs the same validator as the adaptation index and pull-request checks
 * ({@link ChipBackends#validator}) on the builder's config, with the chosen model's
 * {@code config.json} read from its default branch as the viewer may read it. Bad fields come
 * back as messages by field, never as exceptions.
 */
@Component
class BuilderPreview {

    private final RepoService repos;
    private final RepoFiles files;
    private final ChipCenter chips;

    BuilderPreview(RepoService repos, RepoFiles files, ChipCenter chips) {
        this.repos = repos;
        this.files = files;
        this.chips = chips;
    }

    /**
     * What the builder shows for a form: field errors (then nothing else), or the YAML, its
     * report and how long the validator took.
     */
    public record Preview(Map<String, String> errors, Repo repo, String path, String yaml, LiveReport report,
            long validatorNanos) {

        public boolean valid() {
            return errors.isEmpty();
        }

        public String validatorMs() {
            return String.format(java.util.Locale.ROOT, "%.3f", validatorNanos / 1e6);
        }
    }

    Preview of(BuilderForm form, Account viewer) {
        BuilderForm.Checked checked = form.check();
        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
        ChipCatalog catalog = chips.registry().catalog();
        ChipSpec chip = null;
        if (!errors.containsKey("chip")) {
            chip = catalog.find(form.chip().strip()).orElse(null);
            if (chip == null) {
                errors.put("chip", "No chip '" + form.chip().strip() + "' in the catalog; closest: "
                        + String.join(", ", catalog.closest(form.chip().strip(), 3)) + ".");
            }
        }
        Repo repo = null;
        ModelArchitecture model = null;
        if (!errors.containsKey("model")) {
            String[] parts = form.model().strip().split("/", 2);
            repo = repos.find(RepoKind.MODEL, parts[0], parts[1], viewer).orElse(null);
            if (repo == null) {
                errors.put("model", "No model repository '" + form.model().strip() + "' that you can read.");
            } else {
                model = model(repo, errors);
            }
        }
        if (!errors.isEmpty()) {
            return new Preview(errors, repo, null, null, null, 0);
        }
        String yaml = form.yaml(checked);
        ModelArchitecture architecture = model;
        long start = System.nanoTime();
        ValidationReport report = ChipBackends.validator(chips.registry()).validate(yaml, ref -> architecture);
        long took = System.nanoTime() - start;
        InferenceConfig config;
        try {
            config = InferenceConfigParser.parse(yaml);
        } catch (ConfigException e) {
            config = null;
        }
        return new Preview(errors, repo, form.path(), yaml, LiveReport.of(report, chip, config, model), took);
    }

    private ModelArchitecture model(Repo repo, Map<String, String> errors) {
        Optional<ResolvedRevision> at = files.resolve(repo, repo.defaultBranch());
        Optional<String> text = at.flatMap(a -> files.readText(repo, a, "config.json", HfConfigReader.MAX_CONFIG_BYTES));
        if (text.isEmpty()) {
            errors.put("model", repo.fullName() + " has no config.json (a text file of at most "
                    + HfConfigReader.MAX_CONFIG_BYTES / 1024 + " KiB) on its default branch " + repo.defaultBranch()
                    + "; push the model's config.json first.");
            return null;
        }
        try {
            return HfConfigReader.parse(repo.fullName() + "/config.json", text.get().getBytes(StandardCharsets.UTF_8));
        } catch (ModelException e) {
            errors.put("model", repo.fullName() + "/config.json: " + e.getMessage());
            return null;
        }
    }
}
