package dev.adapthub.chips;

/** Builds small InferenceConfig YAML documents for tests. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** A config with the given chip, engine and extra top-level YAML lines. */
    public static String yaml(String chip, String engine, String... extra) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: config.json}
                """);
        sb.append("target: {chip: ").append(chip).append("}\n");
        sb.append("engine: {name: ").append(engine).append("}\n");
        for (String line : extra) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
