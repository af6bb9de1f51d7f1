package dev.adapthub.core.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds ({@code manifest.json}), written last: a directory without it is not a
 * (complete) backup. {@code manifest.sha256} holds the manifest's own SHA-256, and the manifest
 * the SHA-256 and size of every other file, so a restore finds any damage before it changes
 * anything.
 *
 * @param format {@value #FORMAT}
 * @param createdAt when the database snapshot was taken (ISO-8601 instant)
 * @param hubVersion the version of the hub that wrote it
 * @param database the database product, its schema version and the dumped tables
 * @param repositories every repository's refs at the snapshot, its bundle and LFS objects
 * @param files every file of the backup besides the manifest, by relative path
 */
record BackupManifest(String format, String createdAt, String hubVersion, Database database,
        List<Repository> repositories, Map<String, FileSum> files) {

    static final String FORMAT = "adapthub-backup/1";
    static final String FILE = "manifest.json";
    static final String CHECKSUM_FILE = "manifest.sha256";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Database(String product, String schemaVersion, List<DatabaseDump.Table> tables) {
    }

    /**
     * @param storageId the repository's storage id (its directory name)
     * @param head what HEAD points at
     * @param refs every ref and its commit at the snapshot
     * @param bundle the Git bundle holding those refs (null when the repository had none)
     * @param lfsObjects the LFS objects copied (their oids)
     */
    record Repository(String storageId, String head, Map<String, String> refs, String bundle, List<String> lfsObjects) {
    }

    record FileSum(String sha256, long bytes) {
    }

    void write(Path dir) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        Files.write(dir.resolve(FILE), bytes);
        Files.writeString(dir.resolve(CHECKSUM_FILE), sha256(bytes) + "  " + FILE + "\n");
    }

    /** Reads and checks the manifest of {@code dir}; the files it lists are checked by {@link #verifyFiles}. */
    static BackupManifest read(Path dir) throws BackupException {
        if (!Files.isDirectory(dir)) {
            throw new BackupException(dir + " is not a directory; name the directory a backup was written to.");
        }
        byte[] bytes;
        String expected;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
            expected = Files.readString(dir.resolve(CHECKSUM_FILE)).strip().split("\\s+")[0];
        } catch (NoSuchFileException e) {
            throw new BackupException(dir + " is not an AdaptHub backup: " + e.getFile() + " is missing (a backup that"
                    + " was interrupted has no manifest); name a directory written by 'backup --to'.");
        } catch (IOException e) {
            throw new BackupException("Could not read the manifest in " + dir + ": " + e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new BackupException("The manifest of " + dir + " is damaged: its SHA-256 is " + actual + " but "
                    + CHECKSUM_FILE + " says " + expected + "; use another backup.");
        }
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(bytes, BackupManifest.class);
        } catch (IOException e) {
            throw new BackupException("The manifest of " + dir + " is not valid: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new BackupException(dir + " holds a backup of format " + manifest.format() + "; this hub reads "
                    + FORMAT + ".");
        }
        if (manifest.database() == null || manifest.repositories() == null || manifest.files() == null) {
            throw new BackupException("The manifest of " + dir + " lacks its database, repositories or files.");
        }
        return manifest;
    }

    /** Checks that every listed file is present with its size and SHA-256. */
    void verifyFiles(Path dir) throws BackupException {
        for (Map.Entry<String, FileSum> entry : files.entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new BackupException("The manifest of " + dir + " names a file outside it: " + entry.getKey());
            }
            try {
                long size = Files.size(file);
                if (size != entry.getValue().bytes()) {
                    throw new BackupException(entry.getKey() + " in " + dir + " has " + size + " bytes, the manifest"
                            + " says " + entry.getValue().bytes() + ": the backup is damaged; use another one.");
                }
                String sum = sha256(file);
                if (!sum.equals(entry.getValue().sha256())) {
                    throw new BackupException(entry.getKey() + " in " + dir + " has SHA-256 " + sum
                            + ", the manifest says " + entry.getValue().sha256()
                            + ": the backup is damaged; use another one.");
                }
            } catch (NoSuchFileException e) {
                throw new BackupException(entry.getKey() + " is missing from " + dir
                        + ": the backup is incomplete; use another one.");
            } catch (IOException e) {
                throw new BackupException("Could not read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    static FileSum sum(Path file) throws IOException {
        return new FileSum(sha256(file), Files.size(file));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
