package dev.adapthub.web.api;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.git.write.FileChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code files} a repository may be created with ({@code createRepo({files})} of the JavaScript
 * client), checked whole before the repository exists, so a bad file creates nothing: shape, size and
 * each path here, the change set as a whole ({@code n.txt} with {@code n.txt/x}) in
 * {@link dev.adapthub.core.repo.content.RepoCreation}.
 */
final class InitialFiles {

    static final int MAX_FILES = 100;
    static final int MAX_TOTAL_BYTES = 10 << 20;

    /** One file: {@code content} is base64 when {@code encoding} says so, else UTF-8 text. */
    record InitialFile(String path, String content, String encoding) {
    }

    private InitialFiles() {
    }

    static List<FileChange> changes(List<InitialFile> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException("files", "At most " + MAX_FILES + " initial files; upload the rest"
                    + " with a commit.");
        }
        List<FileChange> changes = new ArrayList<>();
        long total = 0;
        for (InitialFile file : files) {
            if (file == null || file.path() == null || file.content() == null) {
                throw new InvalidInputException("files", "Every initial file needs a path and content.");
            }
            String path;
            try {
                path = GitPaths.normalizeNewFile(file.path());
            } catch (GitInvalidInputException e) {
                throw new InvalidInputException("files", "Unusable path: " + e.getMessage() + ".");
            }
            byte[] bytes;
            try {
                bytes = "base64".equals(file.encoding()) ? Base64.getDecoder().decode(file.content())
                        : file.content().getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("files", "The content of '" + path + "' is not valid base64.");
            }
            total += bytes.length;
            if (total > MAX_TOTAL_BYTES) {
                throw new InvalidInputException("files", "Initial files may hold " + MAX_TOTAL_BYTES
                        + " bytes in all; upload large files with a commit (through LFS).");
            }
            changes.add(FileChange.put(path, bytes));
        }
        return changes;
    }
}
