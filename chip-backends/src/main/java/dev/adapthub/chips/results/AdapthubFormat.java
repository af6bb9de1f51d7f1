package dev.adapthub.chips.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** AdaptHub's own run format ({@value RunReader#SCHEMA_RESOURCE}), checked against its JSON Schema first. */
final class AdapthubFormat {

    private static final JsonSchema SCHEMA = loadSchema();

    private AdapthubFormat() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = AdapthubFormat.class.getClassLoader().getResourceAsStream(RunReader.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RunReader.SCHEMA_RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(RunReader.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MeasuredRun read(String path, JsonNode root, Annotations sidecar, Fields f, List<ResultFinding> findings) {
        Set<ValidationMessage> problems = SCHEMA.validate(root);
        if (!problems.isEmpty()) {
            problems.stream().limit(10).forEach(m -> findings.add(ResultFinding.error(ResultCodes.BAD_VALUE,
                    path + "#" + m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", ""),
                    m.getMessage().replaceFirst("^\\$\\.?", ""),
                    "see the MeasuredRun schema (" + RunReader.SCHEMA_RESOURCE + ")")));
            return null;
        }
        JsonNode parallel = root.path("parallel");
        JsonNode engine = root.path("engine");
        JsonNode workload = root.path("workload");
        JsonNode r = root.path("results");
        Double tpot = f.positive(r, "tpotMs", Fields.MAX_MS, "milliseconds");
        Double decode = f.positive(r, "decodeTokensPerSecond", Fields.MAX_TOKENS_PER_SECOND, "tokens/s");
        MeasuredRun.Metrics metrics = new MeasuredRun.Metrics(
                f.positive(r, "outputTokensPerSecond", Fields.MAX_TOKENS_PER_SECOND, "tokens/s"),
                f.positive(r, "totalTokensPerSecond", Fields.MAX_TOKENS_PER_SECOND, "tokens/s"),
                f.positive(r, "requestsPerSecond", Fields.MAX_REQUESTS_PER_SECOND, "requests/s"),
                f.positive(r, "ttftMs", Fields.MAX_MS, "milliseconds"),
                tpot,
                decode != null ? decode : tpot == null ? null : 1000.0 / tpot,
                f.positive(r, "prefillTokensPerSecond", Fields.MAX_TOKENS_PER_SECOND, "tokens/s"));
        Annotations own = new Annotations(Fields.text(root, "chip"), f.count(root, "devices"),
                f.count(parallel, "tensor"), f.count(parallel, "pipeline"), f.count(parallel, "expert"),
                Fields.text(engine, "name"), Fields.text(engine, "version"), Fields.text(root, "model"));
        Annotations a = own.overriddenBy(sidecar);
        return new MeasuredRun(RunFormat.ADAPTHUB, a.model() == null ? List.of() : List.of(a.model()), a.chip(), null,
                a.devices(), a.tensor(), a.pipeline(), a.expert(), a.engine(), a.engineVersion(),
                Fields.text(root, "date"), new MeasuredRun.Workload(f.count(workload, "inputTokens"),
                        f.count(workload, "outputTokens"), f.count(workload, "concurrency"),
                        f.count(workload, "requests")), metrics);
    }
}
