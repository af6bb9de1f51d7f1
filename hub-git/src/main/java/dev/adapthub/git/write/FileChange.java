package dev.adapthub.git.write;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One change in a commit. Paths follow {@link dev.adapthub.git.GitPaths} and are checked when the
 * commit is built.
 */
public sealed interface FileChange {

    String path();

    /** Adds the file, or replaces its content (keeping an executable bit). */
    record Put(String path, Content content) implements FileChange {
        public Put {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Deletes an existing file. */
    record Delete(String path) implements FileChange {
        public Delete {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Deletes an existing folder with everything in it. */
    record DeleteFolder(String path) implements FileChange {
        public DeleteFolder {
            Objects.requireNonNull(path, "path");
        }
    }

    static FileChange put(String path, byte[] content) {
        return new Put(path, Content.of(content));
    }

    static FileChange put(String path, String utf8Text) {
        return put(path, utf8Text.getBytes(StandardCharsets.UTF_8));
    }

    static FileChange delete(String path) {
        return new Delete(path);
    }

    static FileChange deleteFolder(String path) {
        return new DeleteFolder(path);
    }
}
