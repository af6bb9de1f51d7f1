package dev.adapthub.chips.calibration;

import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Predicts every case of a calibration set with the validator and compares. Stateless; the
 * results are in the order of the cases.
 */
public final class CalibrationRun {

    /** Which cases a statistic covers. */
    public enum Scope {
        /** Every counted case. */
        ALL,
        /** Cases whose measurements chose some fitted figure. */
        TUNING,
        /** Cases no figure was fitted to. */
        HOLDOUT
    }

    private final List<CaseResult> results;

    private CalibrationRun(List<CaseResult> results) {
        this.results = List.copyOf(results);
    }

    /** Runs the built-in set with the backends of {@code registry}. */
    public static CalibrationRun run(BackendRegistry registry, List<CalibrationCase> cases) {
        Validator validator = new Validator(registry);
        ChipCatalog catalog = registry.catalog();
        List<CaseResult> out = new ArrayList<>();
        for (CalibrationCase c : cases) {
            ChipFamily family = catalog.find(c.chip()).map(s -> s.family()).orElse(null);
            try {
                ValidationReport r = validator.validate(InferenceConfigParser.parse(c.configYaml()),
                        CalibrationSet.model(c.model()));
                Map<Metric, Double> predicted = new EnumMap<>(Metric.class);
                if (r.memory() != null) {
                    predicted.put(Metric.KV_TOKENS, (double) r.memory().kvCacheTokens());
                }
                if (r.performance() != null) {
                    predicted.put(Metric.DECODE_MS, r.performance().decodeMsPerToken());
                    predicted.put(Metric.TTFT_MS, r.performance().ttftMs());
                }
                String problem = r.memory() == null ? "no memory plan: " + r.findings() : null;
                out.add(new CaseResult(c, family, predicted, r.memory() == null ? null : r.memory().fits(), problem));
            } catch (ConfigException | ModelException e) {
                out.add(new CaseResult(c, family, Map.of(), null, e.getMessage()));
            }
        }
        return new CalibrationRun(out);
    }

    public List<CaseResult> results() {
        return results;
    }

    /** Error statistics of a metric over the counted cases of a scope, optionally one chip family. */
    public ErrorStats stats(Metric m, Scope scope, ChipFamily family) {
        List<Double> errors = new ArrayList<>();
        for (CaseResult r : counted(scope, family)) {
            r.error(m).ifPresent(errors::add);
        }
        return ErrorStats.of(errors);
    }

    /** Right verdicts and verdicts stated, over the counted cases of a scope. */
    public int[] verdicts(Scope scope, ChipFamily family) {
        int right = 0;
        int stated = 0;
        for (CaseResult r : counted(scope, family)) {
            if (r.verdictRight().isPresent()) {
                stated++;
                right += r.verdictRight().get() ? 1 : 0;
            }
        }
        return new int[] {right, stated};
    }

    private List<CaseResult> counted(Scope scope, ChipFamily family) {
        Predicate<CaseResult> inScope = switch (scope) {
            case ALL -> r -> true;
            case TUNING -> r -> !r.c().holdout();
            case HOLDOUT -> r -> r.c().holdout();
        };
        return results.stream().filter(r -> r.c().excluded() == null).filter(inScope)
                .filter(r -> family == null || r.family() == family).toList();
    }
}
