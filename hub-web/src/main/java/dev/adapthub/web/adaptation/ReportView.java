package dev.adapthub.web.adaptation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.Figure;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Turns a stored report (its JSON, exactly as validated) into what the report page shows:
 * findings, the memory chart, the roofline plot, the performance and numerics tables. The
 * roofline needs the model's shape, read from the {@code config.json} at the validated commit;
 * without it the plot shows the chip's roofs only.
 */
@Component
class ReportView {

    static final int MAX_FILE = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepoFiles files;
    private final ChipCenter chips;

    ReportView(RepoFiles files, ChipCenter chips) {
        this.files = files;
        this.chips = chips;
    }

    /** A finding as shown. */
    public record FindingRow(String severity, String code, String path, int line, String message, String hint) {
    }

    /** Everything the page shows; charts and tables are null when the report has no such part. */
    public record Report(String verdict, ChipSpec chip, List<FindingRow> findings, MemoryChart memory,
            Map<String, String> memoryTable, RooflineChart roofline, Map<String, String> performance,
            JsonNode numerics, int devices) {
    }

    Report of(Repo repo, AdaptationValidation v) {
        JsonNode root;
        try {
            root = JSON.readTree(v.reportJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChipSpec chip = chips.registry().catalog().find(v.chip()).orElse(null);
        List<FindingRow> findings = findings(root);
        Optional<InferenceConfig> config = config(repo, v);
        int devices = config.map(InferenceConfig::devices).orElse(1);
        JsonNode m = root.path("memory");
        MemoryChart memory = null;
        Map<String, String> memoryTable = null;
        if (m.isObject()) {
            memory = memoryChart(devices, m);
            memoryTable = memoryTable(m);
        }
        JsonNode p = root.path("performance");
        Map<String, String> performance = p.isObject() ? performance(p) : null;
        RooflineChart roofline = chip == null ? null : roofline(repo, v, chip, config.orElse(null), m, p);
        JsonNode numerics = root.path("numerics").isObject() ? root.path("numerics") : null;
        return new Report(root.path("verdict").asText(), chip, findings, memory, memoryTable, roofline, performance,
                numerics, devices);
    }

    /** The findings of a report's JSON, in its order. */
    static List<FindingRow> findings(JsonNode root) {
        List<FindingRow> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            findings.add(new FindingRow(f.path("severity").asText(), f.path("code").asText(), f.path("path").asText(),
                    f.path("line").asInt(), f.path("message").asText(), f.path("hint").asText()));
        }
        return findings;
    }

    /** The memory bars of a report's memory plan, one per device. */
    static MemoryChart memoryChart(int devices, JsonNode m) {
        return MemoryChart.of(devices, m.path("totalBytes").asLong(), m.path("budgetBytes").asLong(),
                m.path("weightsBytes").asLong(), m.path("activationBytes").asLong(),
                m.path("overheadBytes").asLong(), m.path("kvCacheBytes").asLong());
    }

    /** The memory plan of a report as the table under the chart shows it. */
    static Map<String, String> memoryTable(JsonNode m) {
        Map<String, String> memoryTable = new LinkedHashMap<>();
        memoryTable.put("Device memory (visible)", gib(m.path("totalBytes")));
        memoryTable.put("Engine budget", gib(m.path("budgetBytes")));
        memoryTable.put("Weights", gib(m.path("weightsBytes")));
        memoryTable.put("Activations (profile run)", gib(m.path("activationBytes")));
        memoryTable.put("Runtime overhead", gib(m.path("overheadBytes")));
        memoryTable.put("KV cache", gib(m.path("kvCacheBytes")) + " = " + m.path("kvCacheTokens").asLong() + " tokens");
        memoryTable.put("Max model length", m.path("maxModelLen").asInt() + " (largest that fits: "
                + m.path("largestMaxModelLen").asInt() + ")");
        memoryTable.put("Full-length sequences at once", String.format(java.util.Locale.ROOT, "%.1f",
                m.path("maxConcurrencyAtMaxModelLen").asDouble()));
        return memoryTable;
    }

    /** The performance estimate of a report as its table shows it. */
    static Map<String, String> performance(JsonNode p) {
        Map<String, String> performance = new LinkedHashMap<>();
        performance.put("Prefill, one prompt", ms(p.path("prefillMs")));
        performance.put("Time to first token", ms(p.path("ttftMs")));
        performance.put("Decode step", ms(p.path("decodeMsPerToken")));
        performance.put("Sequences decoding at once", p.path("concurrency").asText());
        performance.put("Output tokens/s (all sequences)", String.format(java.util.Locale.ROOT, "%,.1f",
                p.path("outputTokensPerSecond").asDouble()));
        performance.put("Bound by", p.path("bound").asText());
        return performance;
    }

    private Optional<InferenceConfig> config(Repo repo, AdaptationValidation v) {
        try {
            return read(repo, v, v.path()).map(text -> {
                try {
                    return InferenceConfigParser.parse(text);
                } catch (ConfigException e) {
                    return null;
                }
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> read(Repo repo, AdaptationValidation v, String path) {
        ResolvedRevision at = new ResolvedRevision(v.commitId(), ObjectId.fromString(v.commitId()), null);
        return files.readText(repo, at, path, MAX_FILE);
    }

    private RooflineChart roofline(Repo repo, AdaptationValidation v, ChipSpec chip, InferenceConfig config,
            JsonNode memory, JsonNode perf) {
        Optional<ModelArchitecture> model = config == null ? Optional.empty() : model(repo, v, config);
        return roofline(chip, config, model.orElse(null), memory, perf);
    }

    /** The roofline of a chip with the phases of a report placed on it; null when the chip lacks the figures. */
    static RooflineChart roofline(ChipSpec chip, InferenceConfig config, ModelArchitecture model, JsonNode memory,
            JsonNode perf) {
        Figure bw = chip.memory().bandwidthGBs();
        if (bw == null) {
            return null;
        }
        String type = config == null ? "bf16" : computeType(config);
        double peak = chip.peak(type).or(() -> chip.peak("bf16")).or(() -> chip.peak("fp16"))
                .or(() -> chip.peak("fp32")).map(Figure::value).orElse(0.0);
        if (peak <= 0) {
            return null;
        }
        List<RooflineChart.Phase> phases = new ArrayList<>();
        if (model != null && config != null && memory.isObject() && perf.isObject()) {
            phases.addAll(Phases.of(model, config, memory, perf));
        }
        return RooflineChart.of(peak, bw.value(), phases);
    }

    /** The type the matrix units compute in, as the estimate assumes it. */
    static String computeType(InferenceConfig config) {
        String activations = config.precision().activations() == null ? "bf16" : config.precision().activations();
        if ("w8a8".equals(config.quantization()) || "int8".equals(activations)) {
            return "int8";
        }
        return activations.startsWith("fp8") ? "fp8" : activations;
    }

    private Optional<ModelArchitecture> model(Repo repo, AdaptationValidation v, InferenceConfig config) {
        if (config.model().config() == null) {
            return Optional.empty();
        }
        String dir = v.path().contains("/") ? v.path().substring(0, v.path().lastIndexOf('/') + 1) : "";
        String path = Path.of(dir + config.model().config()).normalize().toString().replace('\\', '/');
        if (path.startsWith("..")) {
            return Optional.empty();
        }
        try {
            Optional<String> text = read(repo, v, path);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(HfConfigReader.parse(path, text.get().getBytes(StandardCharsets.UTF_8)));
        } catch (ModelException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String gib(JsonNode bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f GiB", bytes.asLong() / (1024.0 * 1024 * 1024));
    }

    private static String ms(JsonNode value) {
        return String.format(java.util.Locale.ROOT, "%,.2f ms", value.asDouble());
    }
}
