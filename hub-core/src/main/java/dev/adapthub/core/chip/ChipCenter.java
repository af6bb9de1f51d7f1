package dev.adapthub.core.chip;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.spi.ChipBackendProvider;
import dev.adapthub.core.common.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The chip backends found on the class path and the catalog they simulate, loaded once at
 * start-up. Providers that failed to load are kept for the status section of {@code /chips}.
 */
@Service
public class ChipCenter {

    private final BackendRegistry registry;

    ChipCenter() {
        this.registry = ChipBackends.load();
    }

    public BackendRegistry registry() {
        return registry;
    }

    /** Every chip in the catalog: by family, then vendor, then name. */
    public List<ChipSpec> chips() {
        return registry.catalog().all().stream()
                .sorted(Comparator.comparing((ChipSpec c) -> c.family().ordinal())
                        .thenComparing(ChipSpec::vendor).thenComparing(ChipSpec::name))
                .toList();
    }

    public ChipSpec chip(String id) {
        return registry.catalog().find(id).orElseThrow(() -> new NotFoundException("No chip '" + id
                + "' in the catalog."));
    }

    /** The backend that simulates a chip, if any. */
    public Optional<ChipBackendProvider> backendFor(String chipId) {
        return registry.providerFor(chipId);
    }

    public List<BackendRegistry.LoadFailure> failures() {
        return registry.failures();
    }
}
