package dev.adapthub.core.validation;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.results.ResultsLayout;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.validation.ConfigValidation.ModelSource;
import dev.adapthub.git.read.BlobContent;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Service;

/**
 * Validates the inference configs of a repository at a commit against the simulated chip
 * backends: finds them ({@code *.yaml}/{@code *.yml} files declaring {@code kind: InferenceConfig}),
 * reads the model's {@code config.json} they point to from the same commit (or from the public
 * model repository named by {@code model.repo}) and runs chip-backends' {@link Validator}.
 *
 * <p>Used by pull-request checks (the configs a PR adds or changes, at its head) and by the
 * adaptation index (every config on a default branch). Callers run it in background jobs; one
 * validation takes well under a millisecond once the backends are loaded.
 */
@Service
public class ConfigValidations {

    /** Configs larger than this are not configs (the schema's largest valid file is ~2 KiB). */
    public static final int MAX_CONFIG_BYTES = 256 * 1024;

    private static final Pattern KIND_LINE =
            Pattern.compile("(?m)^kind:[ \\t]*[\"']?InferenceConfig[\"']?[ \\t]*(#.*)?$");

    private final RepoFiles files;
    private final RepoService repos;
    private final ChipCenter chips;

    ConfigValidations(RepoFiles files, RepoService repos, ChipCenter chips) {
        this.files = files;
        this.repos = repos;
        this.chips = chips;
    }

    /** Whether a file is an inference config, judged by its path and content. */
    public static boolean isInferenceConfig(String path, String text) {
        return isYaml(path) && text != null && KIND_LINE.matcher(text).find();
    }

    private static boolean isYaml(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** Every inference config in the tree at {@code commit}, in path order. */
    public List<String> configPaths(Repo repo, ObjectId commit) {
        ResolvedRevision at = at(commit);
        List<String> paths = new ArrayList<>();
        for (TreeEntry entry : files.list(repo, at, "", true).entries()) {
            if (entry.kind() == TreeEntry.Kind.FILE && isYaml(entry.path()) && entry.size() <= MAX_CONFIG_BYTES
                    && isInferenceConfig(entry.path(), files.readText(repo, at, entry.path(), MAX_CONFIG_BYTES)
                            .orElse(null))) {
                paths.add(entry.path());
            }
        }
        return paths;
    }

    /**
     * The inference configs {@code head} adds or changes relative to {@code base} (for a pull
     * request: the merge base of target and head), in path order. Deleted configs are not listed.
     */
    public List<String> changedConfigPaths(Repo repo, ObjectId base, ObjectId head) {
        ResolvedRevision at = at(head);
        java.util.Set<String> candidates = new java.util.TreeSet<>();
        for (String path : files.changedPaths(repo, base, head)) {
            if (isYaml(path)) {
                candidates.add(path);
            }
            // Measured results: a changed adaptations/x.results/run.json is checked with adaptations/x.yaml.
            candidates.addAll(ResultsLayout.configsOf(path));
        }
        return candidates.stream()
                .filter(path -> isInferenceConfig(path, files.readText(repo, at, path, MAX_CONFIG_BYTES).orElse(null)))
                .toList();
    }

    /** The config at {@code path} parsed; empty when it is missing or does not parse. */
    public Optional<InferenceConfig> parse(Repo repo, ObjectId commit, String path) {
        try {
            Optional<String> text = files.readText(repo, at(commit), path, MAX_CONFIG_BYTES);
            return text.isEmpty() ? Optional.empty() : Optional.of(InferenceConfigParser.parse(text.get()));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /** The model a parsed config names, read as its validation reads it; empty when it cannot be read. */
    public Optional<ModelArchitecture> model(Repo repo, ObjectId commit, String path, InferenceConfig config) {
        try {
            return Optional.of(new ModelReader(repo, at(commit), path).load(config.model()));
        } catch (ModelException e) {
            return Optional.empty();
        }
    }

    /**
     * Validates a parsed config of {@code path} with another workload: the estimate for the
     * workload a measured run used, so the two compare like with like.
     */
    public ValidationReport validateWithWorkload(Repo repo, ObjectId commit, String path, InferenceConfig config,
            InferenceConfig.Workload workload) {
        InferenceConfig changed = new InferenceConfig(config.model(), config.target(), config.engine(),
                config.precision(), config.quantization(), config.parallel(), config.limits(), config.memory(),
                workload);
        ModelReader models = new ModelReader(repo, at(commit), path);
        ModelArchitecture model;
        try {
            model = models.load(config.model());
        } catch (ModelException e) {
            throw new InvalidInputException("model", e.getMessage());
        }
        return ChipBackends.validator(chips.registry()).validate(changed, model);
    }

    /** Validates the config at {@code path} against its own target chip. */
    public ConfigValidation validate(Repo repo, ObjectId commit, String path) {
        return validate(repo, commit, path, null);
    }

    /**
     * Validates the config at {@code path} against {@code chipId} instead of its target chip (a
     * repository's extra chips), or its own target when {@code chipId} is null.
     *
     * @throws NotFoundException     when there is no such file at the commit
     * @throws InvalidInputException when the file is not an inference config
     */
    public ConfigValidation validate(Repo repo, ObjectId commit, String path, String chipId) {
        ResolvedRevision at = at(commit);
        BlobContent blob = files.open(repo, at, path);
        String text = read(blob, path);
        if (!isInferenceConfig(path, text)) {
            throw new InvalidInputException("path", path + " is not an inference config: a .yaml file with"
                    + " 'kind: InferenceConfig' of at most " + MAX_CONFIG_BYTES / 1024 + " KiB");
        }
        ModelReader models = new ModelReader(repo, at, path);
        Validator validator = ChipBackends.validator(chips.registry());
        ValidationReport report = chipId == null ? validator.validate(text, models) : onChip(validator, text, chipId, models);
        String json = report.toJson();
        return new ConfigValidation(path, commit.name(), blob.entry().id().name(), report.chip(), report.engine(),
                report.verdict(), report.backendId(), report.backendVersion(), report.catalogVersion(),
                models.source, json, sha256(json), report);
    }

    /** Validates a parsed config retargeted to another chip; a config that does not parse fails as usual. */
    private static ValidationReport onChip(Validator validator, String text, String chipId, ModelReader models) {
        InferenceConfig config;
        try {
            config = InferenceConfigParser.parse(text);
        } catch (ConfigException e) {
            return validator.validate(text, models);
        }
        InferenceConfig retargeted = new InferenceConfig(config.model(),
                new InferenceConfig.Target(chipId, config.target().devices()), config.engine(), config.precision(),
                config.quantization(), config.parallel(), config.limits(), config.memory(), config.workload());
        ModelArchitecture model;
        try {
            model = models.load(config.model());
        } catch (ModelException e) {
            return validator.validate(text, models);
        }
        return validator.validate(retargeted, model);
    }

    private static ResolvedRevision at(ObjectId commit) {
        return new ResolvedRevision(commit.name(), commit, null);
    }

    private static String read(BlobContent blob, String path) {
        if (blob.binary() || blob.size() > MAX_CONFIG_BYTES) {
            return null;
        }
        try (InputStream in = blob.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Reads the model a config names, and remembers which file that was. {@code model.config} is
     * relative to the config's folder and may not leave the repository; {@code model.repo} names
     * a model repository that anyone may read.
     */
    private final class ModelReader implements dev.adapthub.chips.validate.ModelConfigLoader {

        private final Repo repo;
        private final ResolvedRevision at;
        private final String configPath;
        private ModelSource source;

        ModelReader(Repo repo, ResolvedRevision at, String configPath) {
            this.repo = repo;
            this.at = at;
            this.configPath = configPath;
        }

        @Override
        public ModelArchitecture load(InferenceConfig.ModelRef ref) throws ModelException {
            if (ref.config() != null) {
                String path = RepoPaths.resolveSibling(configPath, ref.config())
                        .orElseThrow(() -> new ModelException("model.config", "'" + ref.config()
                                + "' points outside the repository; give a path inside it, such as ../config.json"));
                return read(repo, at, path, "model.config");
            }
            if (ref.repo() == null) {
                throw new ModelException("model", "name the model with model.config or model.repo");
            }
            String[] parts = ref.repo().split("/", -1);
            // Public models only: a config's author may not be able to read a private one, and the
            // report (shown on public pull requests) would leak what it holds, or that it exists.
            Optional<Repo> model = parts.length != 2 ? Optional.empty()
                    : repos.find(RepoKind.MODEL, parts[0], parts[1], null);
            if (model.isEmpty()) {
                throw new ModelException("model.repo", "no public model repository '" + ref.repo()
                        + "'; name a public model as owner/name, or copy its config.json next to the config"
                        + " and use model.config");
            }
            String revision = ref.revision() == null ? model.get().defaultBranch() : ref.revision();
            ResolvedRevision modelAt;
            try {
                modelAt = files.resolve(model.get(), revision).orElseThrow(() -> new NotFoundException(
                        ref.repo() + " has no commits"));
            } catch (NotFoundException e) {
                throw new ModelException("model.revision", "no revision '" + revision + "' in " + ref.repo());
            }
            return read(model.get(), modelAt, "config.json", "model.repo");
        }

        private ModelArchitecture read(Repo from, ResolvedRevision where, String path, String field)
                throws ModelException {
            BlobContent blob;
            try {
                blob = files.open(from, where, path);
            } catch (NotFoundException e) {
                throw new ModelException(field, "no file " + path + " in " + from.fullName() + " at "
                        + where.commitId().abbreviate(10).name());
            }
            if (blob.binary() || blob.size() > HfConfigReader.MAX_CONFIG_BYTES) {
                throw new ModelException(field, path + " is not a config.json of at most "
                        + HfConfigReader.MAX_CONFIG_BYTES / 1024 + " KiB");
            }
            byte[] bytes;
            try (InputStream in = blob.openStream()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + path, e);
            }
            ModelArchitecture architecture = HfConfigReader.parse(from.fullName() + "/" + path, bytes);
            source = new ModelSource(from.fullName(), where.commitId().name(), path, blob.entry().id().name());
            return architecture;
        }
    }
}
