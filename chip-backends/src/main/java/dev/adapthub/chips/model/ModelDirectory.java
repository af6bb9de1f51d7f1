package dev.adapthub.chips.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads a model as it sits on disk: its config.json plus the headers of sibling *.safetensors. */
public final class ModelDirectory {

    /** Shards beyond this are not read (the largest public checkpoints have ~160). */
    private static final int MAX_SHARDS = 1000;

    private ModelDirectory() {
    }

    /** Reads {@code configJson}; when the folder holds safetensors shards, their headers make weight bytes exact. */
    public static ModelArchitecture load(Path configJson) throws ModelException {
        ModelArchitecture arch = HfConfigReader.read(configJson);
        Path dir = configJson.toAbsolutePath().getParent();
        if (dir == null) {
            return arch;
        }
        List<Path> shards;
        try (Stream<Path> files = Files.list(dir)) {
            shards = files.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted()
                    .limit(MAX_SHARDS + 1L).toList();
        } catch (IOException e) {
            throw new ModelException("", "cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (shards.size() > MAX_SHARDS) {
            throw new ModelException("", dir + " holds more than " + MAX_SHARDS + " safetensors files");
        }
        return shards.isEmpty() ? arch : arch.withCheckpoint(SafetensorsHeaders.read(shards));
    }
}
