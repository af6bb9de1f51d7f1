package dev.adapthub.web.deploy;

import java.util.Map;

/**
 * What a model page states about the checkpoint, as the large hubs do.
 *
 * @param parameters  the parameter count, or null when neither weights nor config.json tell it
 * @param counted     true when counted from the safetensors headers, false when estimated from config.json
 * @param tensorTypes parameters per tensor dtype (BF16, F8_E4M3, …) from the safetensors headers; empty otherwise
 * @param modelType   {@code model_type} of config.json, or null
 */
public record ModelFacts(Long parameters, boolean counted, Map<String, Long> tensorTypes, String modelType) {

    public ModelFacts {
        tensorTypes = Map.copyOf(tensorTypes);
    }

    /** "8.03B", "494M": the short form model pages use. */
    public String parametersShort() {
        if (parameters == null) {
            return null;
        }
        double p = parameters;
        if (p >= 1e12) {
            return String.format(java.util.Locale.ROOT, "%.2fT", p / 1e12);
        }
        if (p >= 1e9) {
            return String.format(java.util.Locale.ROOT, "%.2fB", p / 1e9);
        }
        if (p >= 1e6) {
            return String.format(java.util.Locale.ROOT, "%.0fM", p / 1e6);
        }
        return String.valueOf(parameters);
    }
}
