package dev.adapthub.web.adaptation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.validate.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What the report page draws (findings, memory bar, roofline, estimate), made from a report that
 * was just computed rather than stored: the config builder shows it live as a form changes.
 *
 * @param memoryTable null when the validation stopped before the memory plan
 * @param performance null when the config did not pass
 */
public record LiveReport(String verdict, List<ReportView.FindingRow> findings, MemoryChart memory,
        Map<String, String> memoryTable, RooflineChart roofline, Map<String, String> performance) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The view of {@code report}, computed for {@code config} (null when it did not parse) on {@code chip}
     * (null when not in the catalog). */
    public static LiveReport of(ValidationReport report, ChipSpec chip, InferenceConfig config,
            ModelArchitecture model) {
        JsonNode root;
        try {
            root = JSON.readTree(report.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode m = root.path("memory");
        JsonNode p = root.path("performance");
        MemoryChart memory = m.isObject() ? ReportView.memoryChart(config == null ? 1 : config.devices(), m) : null;
        return new LiveReport(root.path("verdict").asText(), ReportView.findings(root), memory,
                m.isObject() ? ReportView.memoryTable(m) : null,
                chip == null ? null : ReportView.roofline(chip, config, model, m, p),
                p.isObject() ? ReportView.performance(p) : null);
    }
}
