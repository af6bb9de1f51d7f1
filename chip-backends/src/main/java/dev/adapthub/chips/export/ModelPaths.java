package dev.adapthub.chips.export;

import dev.adapthub.chips.config.InferenceConfig;

/**
 * How engines name the model: a Hugging Face repo id ({@code org/name}) or a local directory. A
 * hub config's {@code model.config} points at the directory's {@code config.json}; engines take the
 * directory, written with a trailing slash so an import can tell it from a repo id.
 */
final class ModelPaths {

    private static final String CONFIG_JSON = "config.json";

    private ModelPaths() {
    }

    /** The engine's model argument for a hub model reference. */
    static String reference(InferenceConfig.ModelRef ref) {
        if (ref.repo() != null) {
            return ref.repo();
        }
        String config = ref.config();
        if (config.endsWith("/" + CONFIG_JSON)) {
            return config.substring(0, config.length() - CONFIG_JSON.length());
        }
        return config.equals(CONFIG_JSON) ? "./" : config;
    }

    /** The hub model reference for an engine's model argument (and its {@code --revision}, if any). */
    static InferenceConfig.ModelRef fromReference(String model, String revision) {
        if (model.endsWith("/")) {
            return new InferenceConfig.ModelRef(model.equals("./") ? CONFIG_JSON : model + CONFIG_JSON, null, null);
        }
        return new InferenceConfig.ModelRef(null, model, revision);
    }

    /**
     * The model as an export away from the repository names it: a config whose model is a path inside its
     * repository ({@code model.config}) is that repository at the source's revision. A config that names
     * another repository ({@code model.repo}) keeps it.
     */
    static InferenceConfig.ModelRef pinned(InferenceConfig.ModelRef ref, ModelSource source) {
        if (source == null || ref.repo() != null) {
            return ref;
        }
        return new InferenceConfig.ModelRef(null, source.repo(), source.revision());
    }

    /** A short model name (last path segment), for engines that want one. */
    static String name(InferenceConfig.ModelRef ref) {
        String r = reference(ref);
        String trimmed = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
        int slash = trimmed.lastIndexOf('/');
        String name = slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
        return name.isEmpty() || name.equals(".") ? "model" : name;
    }
}
