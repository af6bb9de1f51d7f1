package dev.adapthub.chips;

import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the published config.json files kept under src/test/resources/models. */
public final class TestModels {

    private TestModels() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestModels.class.getResourceAsStream("/models/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test model " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelArchitecture load(String name) {
        try {
            return HfConfigReader.parse(name + ".json", bytes(name));
        } catch (ModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
