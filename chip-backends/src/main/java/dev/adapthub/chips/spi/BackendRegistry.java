package dev.adapthub.chips.spi;

import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The loaded chip backends.
 *
 * <p>Providers are discovered with {@link ServiceLoader}; an optional allow-list limits which
 * provider ids are used. A provider that cannot be instantiated, answers with a newer SPI
 * version, or throws while describing itself is not loaded but kept in {@link #failures()} for
 * the status page. Two providers with the same id fail the whole load with
 * {@link DuplicateBackendException}: silently preferring one would make results depend on
 * class-path order. Backends are created lazily, once, on first use; this class is thread-safe.
 */
public final class BackendRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private final Map<String, ChipBackendProvider> providers;
    private final List<LoadFailure> failures;
    private final BackendContext context;
    private final Map<String, ChipBackend> created = new ConcurrentHashMap<>();

    private BackendRegistry(Map<String, ChipBackendProvider> providers, List<LoadFailure> failures,
                            BackendContext context) {
        this.providers = providers;
        this.failures = List.copyOf(failures);
        this.context = context;
    }

    /** A provider that was found but not loaded, and why. */
    public record LoadFailure(String provider, String reason) { }

    /** Two providers share an id. */
    public static class DuplicateBackendException extends IllegalStateException {
        public DuplicateBackendException(String id, String first, String second) {
            super("two chip backends use the id '" + id + "': " + first + " and " + second
                    + "; remove one jar from the class path or give the backends distinct ids");
        }
    }

    /**
     * Discovers providers visible to a class loader.
     *
     * @param allowList provider ids to use; {@code null} means all
     */
    public static BackendRegistry load(ClassLoader loader, Set<String> allowList, ChipCatalog catalog) {
        Map<String, ChipBackendProvider> found = new LinkedHashMap<>();
        List<LoadFailure> failures = new ArrayList<>();
        Iterator<ChipBackendProvider> it = ServiceLoader.load(ChipBackendProvider.class, loader).iterator();
        while (true) {
            ChipBackendProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                String cause = e.getCause() == null ? "" : " (" + e.getCause() + ")";
                failures.add(new LoadFailure(describe(e), e.getMessage() + cause));
                continue;
            }
            register(p, allowList, found, failures);
        }
        return new BackendRegistry(found, failures, new BackendContext(catalog));
    }

    /** Builds a registry from provider instances (tests, embedding). */
    public static BackendRegistry of(List<ChipBackendProvider> list, ChipCatalog catalog) {
        Map<String, ChipBackendProvider> found = new LinkedHashMap<>();
        List<LoadFailure> failures = new ArrayList<>();
        for (ChipBackendProvider p : list) {
            register(p, null, found, failures);
        }
        return new BackendRegistry(found, failures, new BackendContext(catalog));
    }

    private static void register(ChipBackendProvider p, Set<String> allowList,
                                 Map<String, ChipBackendProvider> found, List<LoadFailure> failures) {
        String cls = p.getClass().getName();
        String id;
        try {
            id = p.id();
            if (id == null || !ID.matcher(id).matches()) {
                failures.add(new LoadFailure(cls, "id '" + id + "' must match [a-z0-9-]+"));
                return;
            }
            if (p.spiVersion() > ChipBackendProvider.SPI_VERSION || p.spiVersion() < 1) {
                failures.add(new LoadFailure(cls, "built for SPI version " + p.spiVersion() + "; this hub has "
                        + ChipBackendProvider.SPI_VERSION + ": upgrade the hub or use an older backend"));
                return;
            }
            p.chipIds(); // must answer now, so a broken provider shows up at load, not mid-validation
        } catch (RuntimeException | LinkageError e) {
            failures.add(new LoadFailure(cls, "failed while describing itself: " + e));
            return;
        }
        if (allowList != null && !allowList.contains(id)) {
            failures.add(new LoadFailure(cls, "id '" + id + "' is not in the allow-list " + allowList));
            return;
        }
        ChipBackendProvider previous = found.putIfAbsent(id, p);
        if (previous != null) {
            throw new DuplicateBackendException(id, previous.getClass().getName(), cls);
        }
    }

    private static String describe(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf(": Provider ");
        return colon >= 0 ? m.substring(colon + 11).split(" ")[0] : "unknown provider";
    }

    /** Loaded providers by id, in discovery order. */
    public List<ChipBackendProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** Providers found but not loaded (for a status page). */
    public List<LoadFailure> failures() {
        return failures;
    }

    /**
     * The provider driving a chip: a vendor (non-simulated) backend before a simulated one; within
     * each, the first loaded provider that lists the chip id, else the first whose
     * {@link ChipBackendProvider#drives} accepts the catalog entry.
     */
    public Optional<ChipBackendProvider> providerFor(String chipId) {
        Optional<ChipSpec> chip = context.catalog().find(chipId);
        for (boolean simulated : new boolean[] {false, true}) {
            for (ChipBackendProvider p : providers.values()) {
                if (p.simulated() == simulated
                        && (p.chipIds().contains(chipId) || (chip.isPresent() && p.drives(chip.get())))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The (lazily created) backend for a provider id. */
    public ChipBackend backend(ChipBackendProvider provider) {
        return created.computeIfAbsent(provider.id(), id -> provider.create(context));
    }

    /** The catalog handed to backends. */
    public ChipCatalog catalog() {
        return context.catalog();
    }
}
