package dev.adapthub.chips.validate;

import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;

/**
 * Finds the model a config refers to ({@code model.config} or {@code model.repo}). The CLI reads
 * a path relative to the config file; the hub reads the file from the repository at a revision.
 */
@FunctionalInterface
public interface ModelConfigLoader {
    ModelArchitecture load(InferenceConfig.ModelRef ref) throws ModelException;
}
