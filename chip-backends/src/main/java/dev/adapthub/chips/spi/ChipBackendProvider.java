package dev.adapthub.chips.spi;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.ChipSpec;
import java.util.Set;

/**
 * Entry point of a chip backend, found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.adapthub.chips.spi.ChipBackendProvider}.
 *
 * <p>A provider must be cheap: a public no-argument constructor and constant answers. Heavy
 * set-up (tables, native probes) belongs in {@link #create}, which the registry calls once, lazily,
 * the first time one of the provider's chips is validated.
 *
 * <p>Compatibility: {@link #spiVersion()} is the SPI version the provider was built against.
 * The hub loads providers whose version is at most {@link #SPI_VERSION}; methods added in later
 * versions are {@code default} methods, so older backends keep working.
 */
public interface ChipBackendProvider {

    /** The SPI version of this hub. */
    int SPI_VERSION = 1;

    /** Stable backend id, {@code [a-z0-9-]+}, unique among loaded providers (e.g. {@code sim-gpgpu}). */
    String id();

    /** Who ships the backend (e.g. {@code AdaptHub}, {@code Huawei}). */
    String vendor();

    /** The chip family the backend simulates or drives. */
    ChipFamily family();

    /** Backend version; validations record it so results can be re-run when it changes. */
    String version();

    /** The SPI version the provider was compiled against. */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /** Catalog ids of the chips this backend drives. */
    Set<String> chipIds();

    /**
     * Whether the backend drives a chip. The default asks {@link #chipIds()}; a backend that
     * drives every chip of a kind (e.g. by family or vendor) overrides this so catalogs other
     * than the built-in one work too.
     */
    default boolean drives(ChipSpec chip) {
        return chipIds().contains(chip.id());
    }

    /**
     * Whether this backend simulates chips from catalog data rather than coming from the chip's
     * vendor. When both drive a chip, a non-simulated backend is chosen.
     */
    default boolean simulated() {
        return false;
    }

    /** Creates the backend; called at most once per registry. */
    ChipBackend create(BackendContext context);
}
