package dev.adapthub.chips.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The chip catalog: immutable {@link ChipSpec}s keyed by id, in index order.
 *
 * <p>The built-in catalog lives at {@value #DEFAULT_FOLDER} on the class path with an
 * {@code index.txt} listing the ids (so it works inside a jar without scanning).
 * Every file is checked against the catalog format; a broken file fails the whole load with
 * a {@link CatalogException} naming file and field, because a silently missing chip would
 * make validations quietly wrong.
 */
public final class ChipCatalog {

    /** Class-path folder of the built-in catalog. */
    public static final String DEFAULT_FOLDER = "dev/adapthub/chips/catalog";
    /** Guard against a runaway file; real profiles are a few KiB. */
    private static final int MAX_PROFILE_BYTES = 256 * 1024;

    private static volatile ChipCatalog defaultCatalog;

    private final Map<String, ChipSpec> chips;

    private ChipCatalog(Map<String, ChipSpec> chips) {
        this.chips = Map.copyOf(chips);
        this.order = List.copyOf(chips.keySet());
    }

    private final List<String> order;

    /** Builds a catalog from profiles already in memory (tests, third-party catalogs). */
    public static ChipCatalog of(Collection<ChipSpec> specs) {
        Map<String, ChipSpec> map = new LinkedHashMap<>();
        for (ChipSpec s : specs) {
            if (map.put(s.id(), s) != null) {
                throw new CatalogException(s.id(), "id", "duplicate chip id");
            }
        }
        return new ChipCatalog(map);
    }

    /** The built-in catalog, loaded once per class loader. */
    public static ChipCatalog builtIn() {
        ChipCatalog c = defaultCatalog;
        if (c == null) {
            synchronized (ChipCatalog.class) {
                c = defaultCatalog;
                if (c == null) {
                    c = fromClassPath(ChipCatalog.class.getClassLoader(), DEFAULT_FOLDER);
                    defaultCatalog = c;
                }
            }
        }
        return c;
    }

    /**
     * Loads {@code folder/index.txt} and each listed {@code folder/{id}.yaml} from a class loader.
     * A missing index gives an empty catalog (the data may not be merged yet).
     */
    public static ChipCatalog fromClassPath(ClassLoader loader, String folder) {
        String indexName = folder + "/index.txt";
        byte[] index = read(loader, indexName);
        Map<String, ChipSpec> map = new LinkedHashMap<>();
        if (index == null) {
            return new ChipCatalog(map);
        }
        for (String id : ids(new String(index, StandardCharsets.UTF_8))) {
            String name = folder + "/" + id + ".yaml";
            byte[] bytes = read(loader, name);
            if (bytes == null) {
                throw new CatalogException(indexName, "", "lists '" + id + "' but " + name + " is missing");
            }
            put(map, parse(name, id, bytes));
        }
        return new ChipCatalog(map);
    }

    /** Loads every {@code *.yaml} profile of a directory (index.txt is used for order when present). */
    public static ChipCatalog fromDirectory(Path dir) {
        try {
            Map<String, ChipSpec> map = new LinkedHashMap<>();
            Path index = dir.resolve("index.txt");
            List<String> ids = new ArrayList<>();
            if (Files.exists(index)) {
                ids.addAll(ids(Files.readString(index)));
            } else {
                try (var files = Files.list(dir)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                            .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
                }
            }
            for (String id : ids) {
                Path file = dir.resolve(id + ".yaml");
                if (Files.size(file) > MAX_PROFILE_BYTES) {
                    throw new CatalogException(file.toString(), "", "larger than " + MAX_PROFILE_BYTES + " bytes");
                }
                put(map, parse(file.toString(), id, Files.readAllBytes(file)));
            }
            return new ChipCatalog(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chip catalog " + dir, e);
        }
    }

    /** Parses one profile; {@code expectedId} (file name) may be null. */
    public static ChipSpec parse(String file, String expectedId, byte[] yaml) {
        if (yaml.length > MAX_PROFILE_BYTES) {
            throw new CatalogException(file, "", "larger than " + MAX_PROFILE_BYTES + " bytes");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_PROFILE_BYTES);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(new String(yaml, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new CatalogException(file, "", "not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new CatalogException(file, "", "must be a YAML map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) m;
        return new ProfileReader(file, root).read(expectedId);
    }

    private static void put(Map<String, ChipSpec> map, ChipSpec spec) {
        if (map.put(spec.id(), spec) != null) {
            throw new CatalogException(spec.id(), "id", "duplicate chip id in the index");
        }
    }

    private static List<String> ids(String index) {
        List<String> ids = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_PROFILE_BYTES + 1);
            if (bytes.length > MAX_PROFILE_BYTES) {
                throw new CatalogException(name, "", "larger than " + MAX_PROFILE_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The chip with this id. */
    public Optional<ChipSpec> find(String id) {
        return Optional.ofNullable(id == null ? null : chips.get(id));
    }

    /** All chips, in index order. */
    public List<ChipSpec> all() {
        return order.stream().map(chips::get).toList();
    }

    /** All ids, in index order. */
    public List<String> ids() {
        return order;
    }

    /** Up to {@code limit} ids closest to a (mistyped) id, by edit distance then name. */
    public List<String> closest(String id, int limit) {
        String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
        return order.stream()
                .sorted(Comparator.comparingInt((String c) -> EditDistance.between(wanted, c)).thenComparing(c -> c))
                .limit(limit)
                .toList();
    }
}
