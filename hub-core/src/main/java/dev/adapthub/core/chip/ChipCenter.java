package dev.adapthub.core.chip;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.spi.ChipBackendProvider;
import dev.adapthub.core.common.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * The chip backends found on the class path and the catalog they simulate. Loading (23
 * profile files, the backends' set-up) starts in the background when the hub starts, so it
 * overlaps the rest of start-up; the first caller waits for it. Providers that failed to load
 * are kept for the status section of {@code /chips}.
 */
@Service
public class ChipCenter {

    private final CompletableFuture<BackendRegistry> loading;

    ChipCenter() {
        this.loading = CompletableFuture.supplyAsync(ChipBackends::load);
    }

    public BackendRegistry registry() {
        return loading.join();
    }

    /** Every chip in the catalog: by family, then vendor, then name. */
    public List<ChipSpec> chips() {
        return registry().catalog().all().stream()
                .sorted(Comparator.comparing((ChipSpec c) -> c.family().ordinal())
                        .thenComparing(ChipSpec::vendor).thenComparing(ChipSpec::name))
                .toList();
    }

    public ChipSpec chip(String id) {
        return registry().catalog().find(id).orElseThrow(() -> new NotFoundException("No chip '" + id
                + "' in the catalog."));
    }

    /** The backend that simulates a chip, if any. */
    public Optional<ChipBackendProvider> backendFor(String chipId) {
        return registry().providerFor(chipId);
    }

    public List<BackendRegistry.LoadFailure> failures() {
        return registry().failures();
    }
}
