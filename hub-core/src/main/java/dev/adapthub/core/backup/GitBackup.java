package dev.adapthub.core.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.BundleWriter;
import org.eclipse.jgit.transport.RefSpec;

/**
 * One bare repository in a backup: its refs as read at the snapshot, a Git bundle of exactly those
 * refs (objects are immutable, so the bundle taken afterwards holds what they pointed at even while
 * pushes go on), and its LFS objects (content-addressed files: each is copied whole and its SHA-256
 * checked against its name).
 */
final class GitBackup {

    private GitBackup() {
    }

    /** The repository's refs (symbolic ones, such as HEAD, left out) and what HEAD points at. */
    record Refs(String head, Map<String, String> tips) {
    }

    static Refs readRefs(Path bare) throws IOException {
        try (Repository repo = open(bare)) {
            Map<String, String> tips = new TreeMap<>();
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                if (!ref.isSymbolic() && ref.getObjectId() != null) {
                    tips.put(ref.getName(), ref.getObjectId().name());
                }
            }
            Ref head = repo.exactRef(Constants.HEAD);
            String target = head != null && head.isSymbolic() ? head.getTarget().getName() : "refs/heads/main";
            return new Refs(target, tips);
        }
    }

    /** Writes a bundle holding {@code refs} (and everything they reach) to {@code file}. */
    static void bundle(Path bare, Map<String, String> refs, Path file) throws IOException {
        try (Repository repo = open(bare); OutputStream out = Files.newOutputStream(file)) {
            BundleWriter writer = new BundleWriter(repo);
            refs.forEach((name, id) -> writer.include(name, ObjectId.fromString(id)));
            writer.writeBundle(NullProgressMonitor.INSTANCE, out);
        }
    }

    /** Copies the LFS objects of {@code lfsRoot} to {@code target}; returns their oids. */
    static List<String> copyLfs(Path lfsRoot, Path target) throws IOException {
        List<String> oids = new ArrayList<>();
        if (!Files.isDirectory(lfsRoot)) {
            return oids;
        }
        List<Path> objects;
        try (Stream<Path> files = Files.walk(lfsRoot, 3)) {
            objects = files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
                    .sorted().toList();
        }
        for (Path object : objects) {
            String oid = object.getFileName().toString();
            Files.createDirectories(target);
            Path copy = target.resolve(oid);
            if (!copyChecked(object, copy, oid)) {
                throw new IOException("the LFS object " + object + " does not hash to its name; the store is damaged");
            }
            oids.add(oid);
        }
        return oids;
    }

    /** Restores a repository into the (absent) directory {@code bare} from its bundle and LFS objects. */
    static void restore(BackupManifest.Repository entry, Path backupDir, Path bare, Path staging)
            throws IOException, BackupException {
        try (Git git = Git.init().setBare(true).setDirectory(staging.toFile()).setInitialBranch("main").call()) {
            Repository repo = git.getRepository();
            var config = repo.getConfig();
            config.setBoolean("core", null, "logallrefupdates", true);
            config.setBoolean("receive", null, "autogc", false);
            // No automatic gc after the fetch: it would run in the background while the directory is moved.
            config.setInt("gc", null, "auto", 0);
            config.save();
            if (entry.bundle() != null) {
                git.fetch().setRemote(backupDir.resolve(entry.bundle()).toString())
                        .setRefSpecs(new RefSpec("+refs/*:refs/*")).call();
            }
            config.unset("gc", null, "auto");
            config.save();
            for (Map.Entry<String, String> ref : entry.refs().entrySet()) {
                Ref restored = repo.exactRef(ref.getKey());
                if (restored == null || !restored.getObjectId().name().equals(ref.getValue())) {
                    throw new BackupException("The bundle of repository " + entry.storageId() + " does not restore "
                            + ref.getKey() + " to " + ref.getValue() + "; the backup is damaged.");
                }
            }
            RefUpdate head = repo.updateRef(Constants.HEAD);
            head.link(entry.head());
        } catch (GitAPIException e) {
            throw new IOException("could not restore repository " + entry.storageId() + ": " + e.getMessage(), e);
        }
        Files.deleteIfExists(staging.resolve("FETCH_HEAD"));
        Path lfs = staging.resolve("lfs").resolve("objects");
        for (String oid : entry.lfsObjects()) {
            Path target = lfs.resolve(oid.substring(0, 2)).resolve(oid.substring(2, 4)).resolve(oid);
            Files.createDirectories(target.getParent());
            if (!copyChecked(backupDir.resolve(lfsPath(entry.storageId(), oid)), target, oid)) {
                throw new BackupException("The LFS object " + oid + " in the backup does not hash to its name;"
                        + " the backup is damaged.");
            }
        }
        Files.createDirectories(bare.getParent());
        Files.move(staging, bare, StandardCopyOption.ATOMIC_MOVE);
    }

    static String lfsPath(String storageId, String oid) {
        return "lfs/" + storageId + "/" + oid;
    }

    /** Copies {@code from} to {@code to}; true when the bytes' SHA-256 is {@code oid}. */
    private static boolean copyChecked(Path from, Path to, String oid) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), sha256)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        if (HexFormat.of().formatHex(sha256.digest()).equals(oid)) {
            return true;
        }
        Files.deleteIfExists(to);
        return false;
    }

    private static Repository open(Path bare) throws IOException {
        return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    }
}
