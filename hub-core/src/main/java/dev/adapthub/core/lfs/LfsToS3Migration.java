package dev.adapthub.core.lfs;

import dev.adapthub.git.GitException;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsStore;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies the file-based LFS store (each repository's {@code lfs/objects} under
 * {@code HUB_DATA_DIR/git}) into the bucket and checks every object: the file is hashed before
 * it is sent, the bucket's copy is read back and hashed after, and only then does the
 * repository's index row say it owns the object. Objects already in the bucket are not sent
 * again but still checked. A file whose bytes do not match its name is reported and skipped.
 * Safe to run again; files are never changed or removed.
 */
public final class LfsToS3Migration {

    /** What a run did. */
    public record Report(int repositories, int copied, int alreadyThere, long bytes, List<String> failures) {

        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private final RepositoryStore repositories;
    private final S3LfsBucket bucket;
    private final LfsObjectIndex index;
    private final JdbcTemplate jdbc;
    private final long maxObjectBytes;

    LfsToS3Migration(RepositoryStore repositories, S3LfsBucket bucket, LfsObjectIndex index, DataSource dataSource,
            long maxObjectBytes) {
        this.repositories = repositories;
        this.bucket = bucket;
        this.index = index;
        this.jdbc = new JdbcTemplate(dataSource);
        this.maxObjectBytes = maxObjectBytes;
    }

    /** Migrates every repository the database knows, printing one line per object to {@code out}. */
    public Report run(PrintStream out) {
        List<String> storageIds = jdbc.queryForList("SELECT storage_id FROM repositories ORDER BY id", String.class);
        out.println("Copying Git LFS objects of " + storageIds.size() + " repositories to " + bucket.where());
        int copied = 0;
        int there = 0;
        long bytes = 0;
        List<String> failures = new ArrayList<>();
        for (String storageId : storageIds) {
            RepoId repo = RepoId.parse(storageId);
            LfsStore files = LfsStores.insideRepository(repositories, repo, maxObjectBytes);
            for (Path file : objectFiles(repositories.directory(repo).resolve("lfs").resolve("objects"))) {
                String name = file.getFileName().toString();
                try {
                    if (!LfsOid.isValid(name) || !files.path(new LfsOid(name)).equals(file)) {
                        continue; // not an object (a temporary file, or misplaced)
                    }
                    LfsOid oid = new LfsOid(name);
                    long size = Files.size(file);
                    String local = sha256(Files.newInputStream(file));
                    if (!local.equals(oid.hex())) {
                        failures.add(storageId + " " + oid + ": the file's bytes have SHA-256 " + local
                                + "; not copied");
                        out.println("FAILED  " + storageId + " " + oid + " (the file is damaged)");
                        continue;
                    }
                    boolean present = bucket.size(oid).isPresent();
                    if (!present) {
                        bucket.putChecked(oid, file);
                    }
                    String remote;
                    try (InputStream in = bucket.open(oid)) {
                        remote = sha256(in);
                    }
                    if (!remote.equals(oid.hex())) {
                        failures.add(storageId + " " + oid + ": the bucket's copy has SHA-256 " + remote);
                        out.println("FAILED  " + storageId + " " + oid + " (the bucket's copy differs)");
                        continue;
                    }
                    index.add(repo, oid, size);
                    bytes += size;
                    if (present) {
                        there++;
                    } else {
                        copied++;
                    }
                    out.println((present ? "checked " : "copied  ") + storageId + " " + oid + " " + size + " bytes");
                } catch (IOException | GitException e) {
                    failures.add(storageId + " " + name + ": " + e.getMessage());
                    out.println("FAILED  " + storageId + " " + name + " (" + e.getMessage() + ")");
                }
            }
        }
        Report report = new Report(storageIds.size(), copied, there, bytes, List.copyOf(failures));
        out.println(report.copied() + " objects copied, " + report.alreadyThere() + " already there, " + report.bytes()
                + " bytes checked, " + report.failures().size() + " failed");
        return report;
    }

    private static List<Path> objectFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root, e);
        }
    }

    private static String sha256(InputStream content) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
