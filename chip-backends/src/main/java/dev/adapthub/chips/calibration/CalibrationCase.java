package dev.adapthub.chips.calibration;

import java.util.List;
import java.util.Map;

/**
 * One public measurement to predict: a real engine start-up log or benchmark run. Invariant:
 * {@code measured} holds at least one metric or a fits/does-not-fit verdict.
 *
 * @param id            stable name
 * @param sourceUrl     where the measurement was published
 * @param sourceWhat    what the source shows (the log line or table row)
 * @param engine        engine name
 * @param engineVersion version text; empty when the source does not state it
 * @param chip          chip catalog id
 * @param model         calibration model name ({@code calibration/models/<model>.json})
 * @param architecture  attention and FFN kinds (dense, gqa, mla, moe)
 * @param tensor        tensor-parallel size
 * @param configLines   InferenceConfig lines added to the generated config
 * @param workload      input tokens, output tokens, concurrency (may be empty)
 * @param measured      metric → measured value
 * @param fits          measured verdict (null: not stated)
 * @param holdout       never used to choose a fitted figure
 * @param excluded      why the case is shown but not counted (null: counted)
 * @param notes         caveats
 */
public record CalibrationCase(String id, String sourceUrl, String sourceWhat, String engine, String engineVersion,
                              String chip, String model, List<String> architecture, int tensor, String configLines,
                              Map<String, Integer> workload, Map<Metric, Double> measured, Boolean fits,
                              boolean holdout, String excluded, String notes) {

    public CalibrationCase {
        architecture = List.copyOf(architecture);
        workload = Map.copyOf(workload);
        measured = Map.copyOf(measured);
        if (measured.isEmpty() && fits == null) {
            throw new IllegalArgumentException("case " + id + " measures nothing");
        }
    }

    /** The InferenceConfig YAML the case describes. */
    public String configYaml() {
        StringBuilder sb = new StringBuilder("""
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: config.json}
                """);
        sb.append("target: {chip: ").append(chip).append(", devices: ").append(tensor).append("}\n");
        sb.append("engine: {name: ").append(engine);
        if (engineVersion != null && !engineVersion.isBlank()) {
            sb.append(", version: \"").append(engineVersion).append('"');
        }
        sb.append("}\n");
        sb.append("parallel: {tensor: ").append(tensor).append("}\n");
        if (configLines != null) {
            sb.append(configLines.endsWith("\n") ? configLines : configLines + "\n");
        }
        if (!workload.isEmpty()) {
            sb.append("workload: {");
            sb.append(String.join(", ", workload.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue()).toList()));
            sb.append("}\n");
        }
        return sb.toString();
    }
}
