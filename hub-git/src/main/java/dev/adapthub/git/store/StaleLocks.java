package dev.adapthub.git.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and removes the lock files a killed process leaves in a bare repository: JGit's
 * {@code *.lock} files ({@code packed-refs.lock}, {@code config.lock}, {@code refs/**}{@code .lock},
 * {@code gc.log.lock}, ...), the {@code gc.pid} of a repack, and the {@code .keep} file a push
 * holds on the pack it is receiving. Left behind, they block every later writer of the same file
 * (a branch deletion fails on {@code packed-refs.lock}) and stop repacking ({@code gc.pid} is
 * honoured for twelve hours, {@code gc.log.lock} forever).
 * <p>
 * A file counts as stale only when it is older than {@code staleBefore} (the moment the store was made:
 * nothing this process wrote can be older) and no live process owns it. Ref, config and
 * packed-refs locks live for milliseconds, so one that predates the process has no owner. A
 * repack runs for minutes, so while {@code gc.pid} names a live process (on this host, or
 * holding the file lock JGit takes on it) nothing in the repository is touched.
 */
final class StaleLocks {

    private static final String GC_PID = "gc.pid";
    /** The lock message JGit's receive-pack writes into the .keep file of the pack it receives. */
    private static final String RECEIVE_KEEP = "jgit receive-pack";

    private StaleLocks() {
    }

    /**
     * Removes the stale lock files of the bare repository in {@code gitDir}.
     *
     * @return the removed files, relative to {@code gitDir} with {@code /} separators
     * @throws UncheckedIOException when the repository's files cannot be listed or removed
     */
    static List<String> clear(Path gitDir, Instant staleBefore) {
        try {
            if (gcRunning(gitDir.resolve(GC_PID), staleBefore)) {
                return List.of();
            }
            List<String> removed = new ArrayList<>();
            for (Path file : candidates(gitDir)) {
                if (isStale(file, staleBefore) && Files.deleteIfExists(file)) {
                    removed.add(gitDir.relativize(file).toString().replace('\\', '/'));
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> candidates(Path gitDir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(gitDir.resolve(GC_PID));
        try (Stream<Path> top = Files.list(gitDir)) {
            top.filter(f -> f.getFileName().toString().endsWith(".lock") && Files.isRegularFile(f))
                    .forEach(files::add);
        }
        for (String dir : List.of("refs", "logs", "objects/info")) {
            Path root = gitDir.resolve(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> tree = Files.walk(root)) {
                    tree.filter(f -> f.getFileName().toString().endsWith(".lock") && Files.isRegularFile(f))
                            .forEach(files::add);
                }
            }
        }
        Path packs = gitDir.resolve("objects/pack");
        if (Files.isDirectory(packs)) {
            try (Stream<Path> list = Files.list(packs)) {
                list.filter(f -> f.getFileName().toString().endsWith(".keep") && isReceiveKeep(f))
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** Only the .keep of an interrupted push; a pack someone kept on purpose stays kept. */
    private static boolean isReceiveKeep(Path keep) {
        try {
            return Files.readString(keep, StandardCharsets.UTF_8).startsWith(RECEIVE_KEEP);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isStale(Path file, Instant staleBefore) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(staleBefore);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Whether a repack owns the repository now: {@code gc.pid} is younger than this process, names
     * a live process on this host that started before the file was written (not a recycled pid,
     * and not this process: a restarted hub in a container often gets its predecessor's pid), or
     * is locked by JGit's repack (which holds an OS lock on it for as long as it runs).
     */
    private static boolean gcRunning(Path pidFile, Instant staleBefore) throws IOException {
        Instant written;
        try {
            written = Files.getLastModifiedTime(pidFile).toInstant();
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!written.isBefore(staleBefore)) {
            return true;
        }
        if (liveOwner(pidFile, written)) {
            return true;
        }
        return fileLockHeld(pidFile);
    }

    private static boolean liveOwner(Path pidFile, Instant written) {
        String[] fields;
        try {
            fields = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
        } catch (IOException e) {
            return false;
        }
        if (fields.length < 2 || !fields[1].equals(hostName())) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        return process.isPresent() && process.get().info().startInstant()
                .map(started -> !started.isAfter(written)).orElse(true);
    }

    private static boolean fileLockHeld(Path pidFile) {
        try (FileChannel channel = FileChannel.open(pidFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // Cannot even open it: leave it, and everything the repack might own, alone.
            return true;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }
}
