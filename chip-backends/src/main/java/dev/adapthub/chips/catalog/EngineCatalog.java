package dev.adapthub.chips.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The engines' behaviour by version ({@link EngineProfile}s), read from {@value #FOLDER} on the
 * class path: one YAML file per engine, listed in {@code index.txt}. A broken file fails the load
 * with a {@link CatalogException} naming file and field. Immutable and thread-safe.
 *
 * <pre>{@code
 * EngineCatalog.Match m = EngineCatalog.builtIn().match("vllm", "0.6.4");
 * double seqs = m.profile().number(EngineProfile.MAX_NUM_SEQS, 256);
 * }</pre>
 */
public final class EngineCatalog {

    /** Class-path folder of the engine profiles. */
    public static final String FOLDER = "dev/adapthub/chips/catalog/engines";
    /** Confidence words of engine figures: from the engine's code or docs, measured, fitted to calibration cases, estimated. */
    public static final Set<String> CONFIDENCES = Set.of("source-code", "docs", "measured", "fitted", "estimate");

    private static volatile EngineCatalog builtIn;

    private final Map<String, List<EngineProfile>> byEngine;

    private EngineCatalog(Map<String, List<EngineProfile>> byEngine) {
        this.byEngine = Map.copyOf(byEngine);
    }

    /**
     * Which profile models a version, and whether the version is one the profiles know.
     *
     * @param known     the version lies inside a profile's range
     * @param requested the version text of the config (null when none was given)
     */
    public record Match(EngineProfile profile, boolean known, String requested) {

        /** Why the model used another version than asked, or empty when it used the one asked for. */
        public Optional<String> note() {
            if (known) {
                return Optional.empty();
            }
            String modelled = profile.engine() + " " + profile.modelled();
            return Optional.of(requested == null || requested.isBlank()
                    ? "no engine.version given: modelled as " + modelled + " (the latest known version)"
                    : profile.engine() + " " + requested + " is not a known version: modelled as " + modelled
                            + " (the nearest known version)");
        }
    }

    /** The built-in engine profiles, loaded once. */
    public static EngineCatalog builtIn() {
        EngineCatalog c = builtIn;
        if (c == null) {
            synchronized (EngineCatalog.class) {
                c = builtIn;
                if (c == null) {
                    c = load(EngineCatalog.class.getClassLoader());
                    builtIn = c;
                }
            }
        }
        return c;
    }

    static EngineCatalog load(ClassLoader loader) {
        String index = new String(read(loader, FOLDER + "/index.txt"), StandardCharsets.UTF_8);
        Map<String, List<EngineProfile>> map = new LinkedHashMap<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String file = name + ".yaml";
            List<EngineProfile> profiles = parse(file, read(loader, FOLDER + "/" + file));
            map.put(profiles.get(0).engine(), profiles);
        }
        return new EngineCatalog(map);
    }

    /** Parses one engine file; its ranges must not overlap. */
    public static List<EngineProfile> parse(String file, byte[] yaml) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new CatalogException(file, "", "not valid YAML: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> root)) {
            throw new CatalogException(file, "", "must be a map with engine, sources, versions");
        }
        List<EngineProfile> out = new EngineProfileReader(file, cast(root)).read();
        out.sort(Comparator.comparing(EngineProfile::from));
        for (int i = 1; i < out.size(); i++) {
            EngineProfile prev = out.get(i - 1);
            if (prev.until() == null || prev.until().compareTo(out.get(i).from()) > 0) {
                throw new CatalogException(file, "versions[" + i + "]", "range starting at " + out.get(i).from()
                        + " overlaps the range " + prev.describe());
            }
        }
        return out;
    }

    /** Engines with profiles. */
    public Set<String> engines() {
        return byEngine.keySet();
    }

    /** The profiles of an engine, oldest first (empty for an unknown engine). */
    public List<EngineProfile> profiles(String engine) {
        return byEngine.getOrDefault(engine, List.of());
    }

    /**
     * The profile that models {@code version} of {@code engine}: the range containing it, else the
     * nearest range (the newest for no version or a version past the newest range, the oldest
     * below the oldest; between two ranges, the one ending closest below).
     */
    public Optional<Match> match(String engine, String version) {
        List<EngineProfile> list = profiles(engine);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        Optional<EngineRelease> v = EngineRelease.parse(version);
        if (v.isEmpty()) {
            return Optional.of(new Match(list.get(list.size() - 1), false, version));
        }
        EngineProfile nearest = list.get(0);
        for (EngineProfile p : list) {
            if (p.covers(v.get())) {
                return Optional.of(new Match(p, true, version));
            }
            if (v.get().compareTo(p.from()) >= 0) {
                nearest = p;
            }
        }
        return Optional.of(new Match(nearest, false, version));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new CatalogException(name, "", "engine profile resource missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the versions list of one engine file. */
    private static final class EngineProfileReader {
        private final String file;
        private final Map<String, Object> root;
        private final Map<String, ChipSpec.Source> sources = new LinkedHashMap<>();

        EngineProfileReader(String file, Map<String, Object> root) {
            this.file = file;
            this.root = root;
        }

        List<EngineProfile> read() {
            String engine = text(root, "engine", "engine");
            Object src = root.get("sources");
            if (!(src instanceof Map<?, ?> srcMap)) {
                throw new CatalogException(file, "sources", "missing; a map of key → {title, url}");
            }
            for (Map.Entry<?, ?> e : srcMap.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> m)) {
                    throw new CatalogException(file, "sources." + e.getKey(), "a source must be {title, url}");
                }
                sources.put(e.getKey().toString(), new ChipSpec.Source(String.valueOf(m.get("title")),
                        m.get("url") == null ? null : m.get("url").toString()));
            }
            if (!(root.get("versions") instanceof List<?> versions) || versions.isEmpty()) {
                throw new CatalogException(file, "versions", "missing; a list of version ranges");
            }
            List<EngineProfile> out = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                String path = "versions[" + i + "]";
                if (!(versions.get(i) instanceof Map<?, ?> v)) {
                    throw new CatalogException(file, path, "must be a map");
                }
                out.add(profile(engine, path, cast(v)));
            }
            return out;
        }

        private EngineProfile profile(String engine, String path, Map<String, Object> v) {
            EngineRelease from = release(v, path, "from", true);
            EngineRelease until = release(v, path, "until", false);
            if (until != null && until.compareTo(from) <= 0) {
                throw new CatalogException(file, path + ".until", "must be after from (" + from + ")");
            }
            EngineProfile.MemoryRule memory = choice(EngineProfile.MemoryRule.class, v, path, "memoryRule");
            EngineProfile.PrefillRule prefill = choice(EngineProfile.PrefillRule.class, v, path, "prefillRule");
            Map<String, Boolean> flags = new LinkedHashMap<>();
            if (v.get("flags") instanceof Map<?, ?> f) {
                f.forEach((k, b) -> flags.put(k.toString(), Boolean.TRUE.equals(b)));
            }
            Map<String, Figure> figures = figures(v.get("figures"), path + ".figures");
            Map<ChipFamily, Map<String, Figure>> families = new EnumMap<>(ChipFamily.class);
            if (v.get("families") instanceof Map<?, ?> fam) {
                for (Map.Entry<?, ?> e : fam.entrySet()) {
                    ChipFamily family;
                    try {
                        family = ChipFamily.valueOf(e.getKey().toString().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        throw new CatalogException(file, path + ".families." + e.getKey(), "not one of NPU, GPGPU, CPU");
                    }
                    families.put(family, figures(e.getValue(), path + ".families." + e.getKey()));
                }
            }
            return new EngineProfile(engine, from, until, text(v, path, "modelled"), text(v, path, "scheduler"),
                    memory, prefill, Map.copyOf(flags), Map.copyOf(figures), Map.copyOf(families), Map.copyOf(sources));
        }

        private Map<String, Figure> figures(Object raw, String path) {
            Map<String, Figure> out = new LinkedHashMap<>();
            if (raw == null) {
                return out;
            }
            if (!(raw instanceof Map<?, ?> m)) {
                throw new CatalogException(file, path, "must be a map of name → {value, source, confidence}");
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = path + "." + e.getKey();
                if (!(e.getValue() instanceof Map<?, ?> f) || !(f.get("value") instanceof Number value)) {
                    throw new CatalogException(file, p, "must be {value, source, confidence} with a numeric value");
                }
                String source = String.valueOf(f.get("source"));
                if (!sources.containsKey(source)) {
                    throw new CatalogException(file, p + ".source", "'" + source + "' is not a key of sources");
                }
                String confidence = String.valueOf(f.get("confidence"));
                if (!CONFIDENCES.contains(confidence)) {
                    throw new CatalogException(file, p + ".confidence", "'" + confidence + "' is not one of " + CONFIDENCES);
                }
                out.put(e.getKey().toString(), new Figure(value.doubleValue(), source, confidence));
            }
            return out;
        }

        private EngineRelease release(Map<String, Object> v, String path, String key, boolean required) {
            Object raw = v.get(key);
            if (raw == null) {
                if (required) {
                    throw new CatalogException(file, path + "." + key, "missing");
                }
                return null;
            }
            return EngineRelease.parse(raw.toString()).orElseThrow(() ->
                    new CatalogException(file, path + "." + key, "'" + raw + "' is not a version"));
        }

        private <E extends Enum<E>> E choice(Class<E> type, Map<String, Object> v, String path, String key) {
            String raw = text(v, path, key).toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                return Enum.valueOf(type, raw);
            } catch (IllegalArgumentException e) {
                throw new CatalogException(file, path + "." + key, "'" + v.get(key) + "' is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        private String text(Map<String, Object> v, String path, String key) {
            Object raw = v.get(key);
            if (raw == null) {
                throw new CatalogException(file, path + "." + key, "missing");
            }
            return raw.toString();
        }
    }
}
