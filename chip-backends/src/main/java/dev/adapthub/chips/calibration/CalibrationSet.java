package dev.adapthub.chips.calibration;

import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The built-in calibration set ({@value #FOLDER}/cases.yaml) and the model configs its cases name. */
public final class CalibrationSet {

    /** Class-path folder of the calibration data. */
    public static final String FOLDER = "dev/adapthub/chips/calibration";

    private CalibrationSet() {
    }

    /** Every case, in file order. */
    public static List<CalibrationCase> builtIn() {
        return parse(new String(read(FOLDER + "/cases.yaml"), StandardCharsets.UTF_8));
    }

    /** Parses a cases document; an ill-formed case fails with its id and field. */
    @SuppressWarnings("unchecked")
    public static List<CalibrationCase> parse(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof Map<?, ?> root) || !(root.get("cases") instanceof List<?> list)) {
            throw new IllegalArgumentException("calibration cases: expected a map with a 'cases' list");
        }
        List<CalibrationCase> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = String.valueOf(c.get("id"));
            try {
                Map<String, Object> source = (Map<String, Object>) c.get("source");
                Map<String, Object> engine = (Map<String, Object>) c.get("engine");
                Map<String, Object> measured = (Map<String, Object>) c.get("measured");
                Map<Metric, Double> values = new EnumMap<>(Metric.class);
                for (Metric m : Metric.values()) {
                    if (measured.get(m.key()) instanceof Number n) {
                        values.put(m, n.doubleValue());
                    }
                }
                Map<String, Integer> workload = new LinkedHashMap<>();
                if (c.get("workload") instanceof Map<?, ?> w) {
                    w.forEach((k, v) -> workload.put(k.toString(), ((Number) v).intValue()));
                }
                Object version = engine.get("version");
                out.add(new CalibrationCase(id, String.valueOf(source.get("url")), String.valueOf(source.get("what")),
                        String.valueOf(engine.get("name")), version == null ? "" : version.toString(),
                        String.valueOf(c.get("chip")), String.valueOf(c.get("model")),
                        ((List<Object>) c.get("architecture")).stream().map(String::valueOf).toList(),
                        ((Number) c.get("tensor")).intValue(), (String) c.get("config"), workload, values,
                        (Boolean) measured.get("fits"), Boolean.TRUE.equals(c.get("holdout")),
                        (String) c.get("excluded"), (String) c.get("notes")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("calibration case " + id + ": " + e, e);
            }
        }
        return out;
    }

    /** A calibration model's architecture, read from {@code models/<name>.json}. */
    public static ModelArchitecture model(String name) throws ModelException {
        return HfConfigReader.parse(name + ".json", read(FOLDER + "/models/" + name + ".json"));
    }

    static byte[] read(String resource) {
        try (InputStream in = CalibrationSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing calibration resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
