package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.ConfigProblem;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.numerics.NumericsReport;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.spi.ChipBackend;
import dev.adapthub.chips.spi.ChipBackendProvider;
import dev.adapthub.chips.spi.Capabilities;
import dev.adapthub.chips.spi.PerformanceEstimate;
import dev.adapthub.chips.spi.SupportAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validation pipeline: support (1), operators (2), parallelism (3), memory (4). Thread-safe
 * and without side effects; one instance serves many validations.
 *
 * <pre>{@code
 * Validator v = new Validator(ChipBackends.load());
 * ValidationReport r = v.validate(yamlText, ref -> HfConfigReader.read(dir.resolve(ref.config())));
 * String json = r.toJson();
 * }</pre>
 */
public final class Validator {

    private static final List<Check> CHECKS = List.of(new EngineVersionCheck(), new SupportCheck(), new OperatorCheck(),
            new ParallelismCheck(), new MemoryCheck());

    private final BackendRegistry registry;
    private final boolean numerics;

    /** A validator without the numerics check (about 1 ms per config; see {@link #withNumerics()}). */
    public Validator(BackendRegistry registry) {
        this(registry, false);
    }

    private Validator(BackendRegistry registry, boolean numerics) {
        this.registry = registry;
        this.numerics = numerics;
    }

    /**
     * The same validator that also runs the numerics check (one emulated decoder layer, up to
     * ~250 ms per config) and fills the report's {@code numerics}.
     */
    public Validator withNumerics() {
        return new Validator(registry, true);
    }

    /**
     * Parses and validates a config. Never throws for bad input: parse errors, an unreadable model
     * and an unknown chip come back as ERROR findings in a FAIL report.
     */
    public ValidationReport validate(String configYaml, ModelConfigLoader models) {
        InferenceConfigParser.Located located;
        try {
            located = InferenceConfigParser.parseWithPositions(configYaml);
        } catch (ConfigException e) {
            List<Finding> findings = new ArrayList<>();
            for (ConfigProblem p : e.problems()) {
                findings.add(new Finding(FindingCodes.CONFIG_INVALID, Severity.ERROR, p.path(), p.message(), p.hint(),
                        p.line(), p.column()));
            }
            return failed("", "", findings);
        }
        InferenceConfig config = located.config();
        ModelArchitecture model;
        try {
            model = models.load(config.model());
        } catch (ModelException e) {
            return failed(config.target().chip(), config.engine().name(), List.of(Finding.of(FindingCodes.MODEL_INVALID,
                    Severity.ERROR, "model", e.getMessage(), "check model.config; known architectures are listed above")
                    .at(located.line("model"), located.column("model"))));
        }
        ValidationReport report = validate(config, model);
        List<Finding> placed = report.findings().stream()
                .map(f -> f.path().isEmpty() ? f : f.at(located.line(f.path()), located.column(f.path()))).toList();
        return new ValidationReport(report.verdict(), report.chip(), report.engine(), report.backendId(),
                report.backendVersion(), report.catalogVersion(), placed, report.memory(), report.performance(),
                report.numerics());
    }

    /** Validates an already parsed config against a model. */
    public ValidationReport validate(InferenceConfig config, ModelArchitecture model) {
        String chipId = config.target().chip();
        String engine = config.engine().name();
        ChipCatalog catalog = registry.catalog();
        Optional<ChipSpec> chip = catalog.find(chipId);
        if (chip.isEmpty()) {
            return failed(chipId, engine, List.of(Finding.of(FindingCodes.CHIP_UNKNOWN, Severity.ERROR, "target.chip",
                    "chip '" + chipId + "' is not in the catalog",
                    "closest ids: " + String.join(", ", catalog.closest(chipId, 3)))));
        }
        Optional<ChipBackendProvider> provider = registry.providerFor(chipId);
        if (provider.isEmpty()) {
            return failed(chipId, engine, List.of(Finding.of(FindingCodes.BACKEND_MISSING, Severity.ERROR, "target.chip",
                    "no loaded backend drives '" + chipId + "'", "install the chip vendor's backend jar")));
        }
        ChipBackend backend = registry.backend(provider.get());
        Capabilities caps = backend.capabilities(chip.get());
        ResolvedConfig resolved = Defaults.resolve(config, model, chip.get(), caps);
        SupportAnswer answer = backend.assess(resolved.toQuery());
        Check.Context ctx = new Check.Context(resolved, backend, answer);
        List<Finding> findings = new ArrayList<>();
        for (Check check : CHECKS) {
            check.run(ctx, findings);
        }
        boolean failed = ValidationReport.verdictOf(findings) == ValidationReport.Verdict.FAIL;
        PerformanceEstimate perf = ctx.memory == null || failed
                ? null : backend.estimatePerformance(Workloads.query(resolved, ctx.memory)).orElse(null);
        NumericsReport check = numerics && !failed ? NumericsStep.run(resolved) : null;
        if (check != null) {
            NumericsStep.addFinding(check, findings);
        }
        return new ValidationReport(ValidationReport.verdictOf(findings), chipId, engine, provider.get().id(),
                provider.get().version(), chip.get().catalogVersion(), findings, ctx.memory, perf,
                check == null ? null : check.toJsonMap());
    }

    private static ValidationReport failed(String chip, String engine, List<Finding> findings) {
        return new ValidationReport(ValidationReport.Verdict.FAIL, chip == null ? "" : chip,
                engine == null ? "" : engine, "", "", 0, findings, null, null, null);
    }
}
