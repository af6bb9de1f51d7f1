package dev.adapthub.core.repo.content;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.git.write.FileChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first commit of a repository created through the API, as the Hugging Face Hub writes it: the
 * Hub's standard {@code .gitattributes} (large and binary formats go through Git LFS), a
 * {@code README.md} whose front matter names the license when one is given, and the caller's
 * initial files (which win over both). A repository therefore has a {@code main} branch from the
 * start, so a commit with a parent, a {@code create_pr} and a download work straight away.
 * <p>
 * Creating the repository is what entitles the creator to this commit, so branch protection does
 * not apply: a member of an organization who may create a repository there but not push to its
 * default branch still gets the commit.
 */
public final class InitialCommit {

    /** The patterns of the Hugging Face Hub's default {@code .gitattributes} of a new repository. */
    static final List<String> LFS_PATTERNS = List.of("*.7z", "*.arrow", "*.bin", "*.bz2", "*.ckpt", "*.ftz",
            "*.gz", "*.h5", "*.joblib", "*.lfs.*", "*.mlmodel", "*.model", "*.msgpack", "*.npy", "*.npz",
            "*.onnx", "*.ot", "*.parquet", "*.pb", "*.pickle", "*.pkl", "*.pt", "*.pth", "*.rar",
            "*.safetensors", "saved_model/**/*", "*.tar.*", "*.tar", "*.tflite", "*.tgz", "*.wasm", "*.xz",
            "*.zip", "*.zst", "*tfevents*");

    static final String GITATTRIBUTES = LFS_PATTERNS.stream()
            .map(pattern -> pattern + " filter=lfs diff=lfs merge=lfs -text\n").collect(Collectors.joining());

    /** A license id as the Hub lists them ({@code apache-2.0}, {@code llama3.1}, {@code other}): safe in YAML. */
    private static final Pattern LICENSE = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,63}");

    private InitialCommit() {
    }

    /**
     * Checks a requested license before anything is created.
     *
     * @return the license id, or null when none was asked for
     * @throws InvalidInputException when it is not a license id
     */
    public static String license(String license) {
        if (license == null || license.isBlank()) {
            return null;
        }
        String id = license.strip();
        if (!LICENSE.matcher(id).matches()) {
            throw new InvalidInputException("license", "'" + license + "' is not a license id: use a Hugging Face"
                    + " license id such as apache-2.0, mit or other (lower case letters, digits, '.', '+', '-').");
        }
        return id;
    }

    /**
     * The files of the first commit: the defaults a caller's file of the same path does not replace,
     * then the caller's files exactly as given (so a path given twice is still refused by the checks).
     */
    public static List<FileChange> files(String license, List<FileChange> files) {
        Map<String, FileChange> defaults = new LinkedHashMap<>();
        defaults.put(".gitattributes", FileChange.put(".gitattributes", GITATTRIBUTES));
        String id = license(license);
        if (id != null) {
            defaults.put("README.md", FileChange.put("README.md", "---\nlicense: " + id + "\n---\n"));
        }
        for (FileChange file : files) {
            defaults.remove(file.path());
        }
        List<FileChange> all = new ArrayList<>(defaults.values());
        all.addAll(files);
        return all;
    }
}
