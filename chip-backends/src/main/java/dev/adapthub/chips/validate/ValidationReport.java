package dev.adapthub.chips.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.chips.spi.PerformanceEstimate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of validating one config. {@link #toJson()} is a stable interface (field names and
 * order are pinned by a test): {@code reportVersion, verdict, chip, engine, backend{id, version,
 * spiVersion}, catalogVersion, findings[], memory{...}, performance, numerics}. Byte figures are
 * per device. {@code memory}, {@code performance} and {@code numerics} are null when not computed.
 *
 * @param backendId      id of the backend that answered, empty when none did
 * @param catalogVersion the chip profile's catalogVersion, 0 when the chip is unknown
 */
public record ValidationReport(
        Verdict verdict,
        String chip,
        String engine,
        String backendId,
        String backendVersion,
        int catalogVersion,
        List<Finding> findings,
        MemoryPlan memory,
        PerformanceEstimate performance,
        Map<String, Object> numerics) {

    /** Version of the JSON shape; bumped only for incompatible changes. */
    public static final int REPORT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** PASS: no warnings or errors; WARN: warnings only; FAIL: at least one error. */
    public enum Verdict { PASS, WARN, FAIL }

    /** Verdict from findings. */
    public static Verdict verdictOf(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return Verdict.FAIL;
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? Verdict.WARN : Verdict.PASS;
    }

    /** The report as pretty-printed JSON. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("reportVersion", REPORT_VERSION);
        root.put("verdict", verdict.name());
        root.put("chip", chip);
        root.put("engine", engine);
        ObjectNode backend = root.putObject("backend");
        backend.put("id", backendId);
        backend.put("version", backendVersion);
        backend.put("spiVersion", dev.adapthub.chips.spi.ChipBackendProvider.SPI_VERSION);
        root.put("catalogVersion", catalogVersion);
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = list.addObject();
            n.put("code", f.code());
            n.put("severity", f.severity().name());
            n.put("path", f.path());
            n.put("message", f.message());
            n.put("hint", f.hint());
            n.put("line", f.line());
            n.put("column", f.column());
        }
        if (memory == null) {
            root.putNull("memory");
        } else {
            ObjectNode m = root.putObject("memory");
            m.put("totalBytes", memory.totalBytes());
            m.put("budgetBytes", memory.budgetBytes());
            m.put("weightsBytes", memory.weightsBytes());
            m.put("activationBytes", memory.activationBytes());
            m.put("overheadBytes", memory.overheadBytes());
            m.put("kvCacheBytes", memory.kvCacheBytes());
            m.put("kvBytesPerToken", memory.kvBytesPerToken());
            m.put("blockSize", memory.blockSize());
            m.put("kvCacheBlocks", memory.kvCacheBlocks());
            m.put("kvCacheTokens", memory.kvCacheTokens());
            m.put("maxModelLen", memory.maxModelLen());
            m.put("maxConcurrencyAtMaxModelLen", memory.maxConcurrencyAtMaxModelLen());
            m.put("fits", memory.fits());
            m.put("largestMaxModelLen", memory.largestMaxModelLen());
        }
        if (performance == null) {
            root.putNull("performance");
        } else {
            ObjectNode p = root.putObject("performance");
            p.put("prefillMs", performance.prefillMs());
            p.put("ttftMs", performance.ttftMs());
            p.put("decodeMsPerToken", performance.decodeMsPerToken());
            p.put("outputTokensPerSecond", performance.outputTokensPerSecond());
            p.put("bound", performance.bound());
            p.put("concurrency", performance.concurrency());
        }
        if (numerics == null) {
            root.putNull("numerics");
        } else {
            root.set("numerics", JSON.valueToTree(numerics));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report serialisation cannot fail for a tree of plain values", e);
        }
    }

    /** A short report for people. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(verdict).append("  ").append(chip).append(" · ").append(engine);
        if (!backendId.isEmpty()) {
            sb.append(" · backend ").append(backendId).append(' ').append(backendVersion);
        }
        sb.append('\n');
        for (Finding f : findings) {
            sb.append(String.format(Locale.ROOT, "  %-7s %-36s %s%s%n", f.severity(), f.code(),
                    f.path().isEmpty() ? "" : f.path() + (f.line() > 0 ? " (line " + f.line() + ")" : "") + ": ",
                    f.message()));
            if (!f.hint().isEmpty()) {
                sb.append("          hint: ").append(f.hint()).append('\n');
            }
        }
        if (memory != null) {
            double gib = 1024.0 * 1024 * 1024;
            sb.append(String.format(Locale.ROOT, "  memory/device: total %.2f GiB, budget %.2f, weights %.2f, "
                            + "activations %.2f, overhead %.2f, KV %.2f GiB = %d tokens; fits: %s; largest maxModelLen: %d%n",
                    memory.totalBytes() / gib, memory.budgetBytes() / gib, memory.weightsBytes() / gib,
                    memory.activationBytes() / gib, memory.overheadBytes() / gib, memory.kvCacheBytes() / gib,
                    memory.kvCacheTokens(), memory.fits() ? "yes" : "no", memory.largestMaxModelLen()));
        }
        if (performance != null) {
            sb.append(String.format(Locale.ROOT, "  speed (estimate): prefill %.1f ms, TTFT %.1f ms, decode %.2f ms/token"
                            + " at %d sequences = %.1f tokens/s; %s-bound%n", performance.prefillMs(),
                    performance.ttftMs(), performance.decodeMsPerToken(), performance.concurrency(),
                    performance.outputTokensPerSecond(), performance.bound()));
        }
        if (numerics != null) {
            sb.append(String.format(Locale.ROOT, "  numerics: %s for %s (seed %s)%n", numerics.get("verdict"),
                    numerics.get("plan"), numerics.get("seed")));
        }
        return sb.toString();
    }
}
