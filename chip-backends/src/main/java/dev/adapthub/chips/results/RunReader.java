package dev.adapthub.chips.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one run file (and its optional sidecar) into a {@link MeasuredRun}, or says why not.
 * Bounded before anything is parsed: at most {@link #MAX_BYTES}, nesting at most 32 levels,
 * numbers of at most 64 characters, duplicate keys refused; so a huge file or a JSON bomb costs
 * a finding, never the hub's memory. Only JSON is read: YAML (and its alias bombs) never is.
 */
public final class RunReader {

    /** Class-path location of the JSON Schema of AdaptHub's own run format. */
    public static final String SCHEMA_RESOURCE = "dev/adapthub/chips/results/measured-run.schema.json";

    /**
     * A saved {@code vllm bench serve} result is a few KiB; with {@code --save-detailed} it adds
     * per-request arrays that can reach megabytes and say nothing the hub shows.
     */
    public static final int MAX_BYTES = 512 * 1024;

    /** Sidecars hold a handful of keys. */
    public static final int MAX_SIDECAR_BYTES = 16 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxNumberLength(64)
                            .maxStringLength(MAX_BYTES)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RunReader() {
    }

    /**
     * What reading gave: the run (null when the file is unusable) and every finding.
     */
    public record Read(MeasuredRun run, List<ResultFinding> findings) {

        public Read {
            findings = List.copyOf(findings);
        }

        public boolean usable() {
            return run != null && findings.stream().noneMatch(ResultFinding::isError);
        }
    }

    /**
     * Reads {@code bytes} (the file at {@code path}); {@code sidecar} is the content of
     * {@code <run>.meta.json} when there is one, else null.
     */
    public static Read read(String path, byte[] bytes, byte[] sidecar) {
        List<ResultFinding> findings = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            return tooLarge(path, bytes.length);
        }
        JsonNode root = parse(path, bytes, findings);
        if (root == null) {
            return new Read(null, findings);
        }
        Fields fields = new Fields(path, findings);
        Annotations annotations = Annotations.NONE;
        if (sidecar != null) {
            annotations = readSidecar(path, sidecar, findings);
        }
        MeasuredRun run;
        if (root.isArray()) {
            run = LlamaBenchFormat.read(path, root, annotations, fields, findings);
        } else if (root.isObject() && "MeasuredRun".equals(Fields.text(root, "kind"))) {
            run = AdapthubFormat.read(path, root, annotations, fields, findings);
        } else if (root.isObject() && (root.has("output_throughput") || root.has("mean_ttft_ms"))) {
            run = VllmBenchFormat.read(path, root, annotations, fields, findings);
        } else {
            findings.add(ResultFinding.error(ResultCodes.UNKNOWN_FORMAT, path, "not a run file the hub knows: "
                    + "expected the JSON of 'vllm bench serve --save-result', of 'llama-bench -o json', or "
                    + "'kind: MeasuredRun'", "see docs/adapter-guide.md, section \"Attaching measured results\""));
            return new Read(null, findings);
        }
        if (run != null && run.metrics().isEmpty()) {
            findings.add(ResultFinding.error(ResultCodes.MISSING_FIELD, path, "the file holds no usable figure "
                    + "(throughput, TTFT, TPOT)", "attach the result file as the benchmark wrote it"));
        }
        return new Read(run, findings);
    }

    /** The answer for a file of {@code size} bytes, more than {@link #MAX_BYTES}, without reading it. */
    public static Read tooLarge(String path, long size) {
        return new Read(null, List.of(ResultFinding.error(ResultCodes.TOO_LARGE, path, "the file has " + size
                + " bytes; a run file may have at most " + MAX_BYTES / 1024 + " KiB",
                "save the result without per-request details (no --save-detailed)")));
    }

    private static Annotations readSidecar(String path, byte[] sidecar, List<ResultFinding> findings) {
        String where = sidecarPath(path);
        if (sidecar.length > MAX_SIDECAR_BYTES) {
            findings.add(ResultFinding.error(ResultCodes.BAD_SIDECAR, where, "the sidecar has " + sidecar.length
                    + " bytes; it may have at most " + MAX_SIDECAR_BYTES / 1024 + " KiB",
                    "keep only the keys " + String.join(", ", new java.util.TreeSet<>(Annotations.KEYS))));
            return Annotations.NONE;
        }
        JsonNode node = parse(where, sidecar, findings);
        if (node == null) {
            return Annotations.NONE;
        }
        if (!node.isObject()) {
            findings.add(ResultFinding.error(ResultCodes.BAD_SIDECAR, where, "the sidecar must be a JSON object",
                    "write {\"chip\": \"nvidia-l40s\", \"tp\": 1}"));
            return Annotations.NONE;
        }
        List<String> unknown = Annotations.unknownKeys(node);
        if (!unknown.isEmpty()) {
            findings.add(ResultFinding.error(ResultCodes.BAD_SIDECAR, where, "unknown key(s) " + unknown,
                    "known keys: " + String.join(", ", new java.util.TreeSet<>(Annotations.KEYS))));
        }
        return Annotations.read(node, new Fields(where, findings));
    }

    /** {@code a/b.results/run.json} → {@code a/b.results/run.meta.json}. */
    public static String sidecarPath(String runPath) {
        return runPath.substring(0, runPath.length() - ".json".length()) + ".meta.json";
    }

    /** Whether a file in a results folder is a sidecar rather than a run. */
    public static boolean isSidecar(String path) {
        return path.endsWith(".meta.json");
    }

    private static JsonNode parse(String path, byte[] bytes, List<ResultFinding> findings) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                findings.add(ResultFinding.error(ResultCodes.NOT_JSON, path, "the file is empty",
                        "attach the JSON file the benchmark wrote"));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String reason = e.getOriginalMessage();
            reason = reason == null ? "" : reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
            findings.add(ResultFinding.error(ResultCodes.NOT_JSON, path, "not valid JSON" + where + ": " + reason,
                    "attach the .json file the benchmark wrote (llama-bench: -o json, not -o jsonl or md)"));
            return null;
        } catch (IOException e) {
            findings.add(ResultFinding.error(ResultCodes.NOT_JSON, path, "cannot read the file: " + e.getMessage(),
                    "attach the JSON file the benchmark wrote"));
            return null;
        }
    }
}
