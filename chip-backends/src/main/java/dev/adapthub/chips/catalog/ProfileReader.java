package dev.adapthub.chips.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns one parsed catalog YAML document into a {@link ChipSpec}, checking the format contract. */
final class ProfileReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private final String file;
    private final Map<String, Object> root;
    private final Map<String, ChipSpec.Source> sources = new LinkedHashMap<>();

    ProfileReader(String file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    ChipSpec read(String expectedId) {
        readSources();
        String id = text(root, "id", true);
        if (!ID.matcher(id).matches()) {
            throw fail("id", "id '" + id + "' must match [a-z0-9-]+");
        }
        if (expectedId != null && !expectedId.equals(id)) {
            throw fail("id", "id '" + id + "' differs from the file name '" + expectedId + "'");
        }
        String familyText = text(root, "family", true);
        ChipFamily family;
        try {
            family = ChipFamily.valueOf(familyText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail("family", "family '" + familyText + "' is not one of NPU, GPGPU, CPU");
        }
        Map<String, Object> memory = map(root, "memory", true);
        ChipSpec.Memory mem = new ChipSpec.Memory(
                figure(memory, "memory.nominalGiB", false),
                figure(memory, "memory.visibleGiB", true),
                text(memory, "type", false),
                figure(memory, "memory.bandwidthGBs", false));
        Map<String, Figure> compute = new LinkedHashMap<>();
        Map<String, Object> computeMap = map(root, "compute", false);
        if (computeMap != null) {
            for (String key : computeMap.keySet()) {
                compute.put(key, figure(computeMap, "compute." + key, true));
            }
        }
        List<String> dataTypes = strings(root, "dataTypes");
        Map<String, Object> ic = map(root, "interconnect", false);
        ChipSpec.Interconnect interconnect = ic == null ? null
                : new ChipSpec.Interconnect(text(ic, "name", false), figure(ic, "interconnect.bandwidthGBs", false));
        Map<String, Object> arch = map(root, "arch", false);
        ChipSpec.Arch archSpec = arch == null ? new ChipSpec.Arch(null, null, null, List.of())
                : new ChipSpec.Arch(text(arch, "computeCapability", false), text(arch, "gfx", false),
                        text(arch, "socVersion", false), strings(arch, "isa"));
        Object version = root.get("catalogVersion");
        int catalogVersion = version instanceof Number n ? n.intValue() : 1;
        return new ChipSpec(id, text(root, "name", true), text(root, "vendor", true), family, catalogVersion,
                mem, compute, dataTypes, interconnect, figure(root, "devicesPerNode", false), archSpec,
                figure(root, "tdpWatts", false), sources, text(root, "notes", false));
    }

    private void readSources() {
        Map<String, Object> src = map(root, "sources", true);
        for (Map.Entry<String, Object> e : src.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m)) {
                throw fail("sources." + e.getKey(), "a source must be a map {title, url}");
            }
            Object title = m.get("title");
            Object url = m.get("url");
            sources.put(e.getKey(), new ChipSpec.Source(title == null ? "" : title.toString(),
                    url == null ? null : url.toString()));
        }
    }

    private Figure figure(Map<String, Object> parent, String path, boolean required) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        Object raw = parent.get(key);
        if (raw == null) {
            if (required) {
                throw fail(path, "missing; write {value, source, confidence}");
            }
            return null;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw fail(path, "must be {value, source, confidence}, was " + raw);
        }
        if (!(m.get("value") instanceof Number value)) {
            throw fail(path + ".value", "must be a number");
        }
        String source = String.valueOf(m.get("source"));
        if (!sources.containsKey(source)) {
            throw fail(path + ".source", "'" + source + "' is not a key of sources: " + sources.keySet());
        }
        String confidence = String.valueOf(m.get("confidence"));
        if (!Figure.CONFIDENCES.contains(confidence)) {
            throw fail(path + ".confidence", "'" + confidence + "' is not one of " + Figure.CONFIDENCES);
        }
        try {
            return new Figure(value.doubleValue(), source, confidence);
        } catch (IllegalArgumentException e) {
            throw fail(path + ".value", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> parent, String key, boolean required) {
        Object raw = parent.get(key);
        if (raw == null && !required) {
            return null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw fail(key, required && raw == null ? "missing" : "must be a map");
        }
        return (Map<String, Object>) raw;
    }

    private String text(Map<String, Object> parent, String key, boolean required) {
        Object raw = parent.get(key);
        if (raw == null) {
            if (required) {
                throw fail(key, "missing");
            }
            return null;
        }
        return raw.toString();
    }

    private List<String> strings(Map<String, Object> parent, String key) {
        Object raw = parent.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw fail(key, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private CatalogException fail(String path, String problem) {
        return new CatalogException(file, path, problem);
    }
}
