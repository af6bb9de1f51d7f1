package dev.adapthub.chips;

import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.validate.Validator;
import java.util.Set;

/**
 * The public entry point of the module.
 *
 * <pre>{@code
 * BackendRegistry registry = ChipBackends.load();          // built-in catalog + every backend on the class path
 * Validator validator = ChipBackends.validator(registry);
 * ValidationReport report = validator.validate(yaml, modelLoader);
 * }</pre>
 */
public final class ChipBackends {

    private ChipBackends() {
    }

    /** All backends visible to this class's loader, with the built-in catalog. */
    public static BackendRegistry load() {
        return BackendRegistry.load(ChipBackends.class.getClassLoader(), null, ChipCatalog.builtIn());
    }

    /** Only the allowed provider ids (e.g. {@code sim-gpgpu}); others are listed as not loaded. */
    public static BackendRegistry load(Set<String> allowList) {
        return BackendRegistry.load(ChipBackends.class.getClassLoader(), allowList, ChipCatalog.builtIn());
    }

    /** A validator over a registry. */
    public static Validator validator(BackendRegistry registry) {
        return new Validator(registry);
    }
}
