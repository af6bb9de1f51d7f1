package dev.adapthub.chips.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * What a run file does not say by itself: the chip, the device count, the parallel sizes, the
 * engine and the model. They come from top-level keys of the run file (what
 * {@code vllm bench serve --metadata chip=nvidia-l40s tp=1} writes) or from a sidecar
 * {@code <run>.meta.json} holding the same keys; the sidecar wins where both speak.
 */
record Annotations(String chip, Integer devices, Integer tensor, Integer pipeline, Integer expert, String engine,
        String engineVersion, String model) {

    /** The keys read; any other key of a sidecar is a mistake worth a finding. */
    static final Set<String> KEYS = Set.of("chip", "devices", "tp", "pp", "ep", "engine", "engine_version", "model");

    static final Annotations NONE = new Annotations(null, null, null, null, null, null, null, null);

    static Annotations read(JsonNode node, Fields fields) {
        return new Annotations(Fields.text(node, "chip"), fields.count(node, "devices"), fields.count(node, "tp"),
                fields.count(node, "pp"), fields.count(node, "ep"), Fields.text(node, "engine"),
                Fields.text(node, "engine_version"), Fields.text(node, "model"));
    }

    /** These annotations, with {@code over}'s values where it has them. */
    Annotations overriddenBy(Annotations over) {
        return new Annotations(pick(over.chip, chip), pick(over.devices, devices), pick(over.tensor, tensor),
                pick(over.pipeline, pipeline), pick(over.expert, expert), pick(over.engine, engine),
                pick(over.engineVersion, engineVersion), pick(over.model, model));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Keys of a sidecar that mean nothing here. */
    static List<String> unknownKeys(JsonNode node) {
        List<String> unknown = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        return unknown;
    }
}
