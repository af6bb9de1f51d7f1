package dev.adapthub.git.maintenance;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.GitStorageException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Collection;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Repacks a bare repository into one pack with a reachability bitmap, like {@code git gc}: packs
 * the refs, writes every reachable object into a new pack (plus one for objects only reflogs or
 * hub refs reach), removes the old packs and the loose objects the new packs hold. Objects of
 * old packs that are in no new pack become loose again rather than lost, and unreachable loose
 * objects younger than JGit's prune age (two weeks) stay, so a push racing the repack keeps
 * everything it refers to.
 * <p>
 * JGit's {@code gc.pid} lock keeps two repacks of one repository apart, even across processes;
 * the hub additionally schedules at most one repack per repository at a time. Stateless.
 */
public final class Repacker {

    /** Counts pack files and loose objects by listing the object directory (no object is read). */
    public ObjectCounts counts(Repository repo) throws GitException {
        Path objects = repo.getDirectory().toPath().resolve("objects");
        try {
            return new ObjectCounts(packFiles(objects.resolve("pack")), looseObjects(objects));
        } catch (IOException e) {
            throw new GitStorageException("could not count the objects of the repository", e);
        }
    }

    /**
     * Repacks {@code repo} now, in the calling thread.
     *
     * @throws GitLockedException when a file the repack needs ({@code packed-refs}) is locked by
     *         a concurrent writer; retry later
     */
    public RepackResult repack(Repository repo) throws GitException {
        if (!(repo instanceof FileRepository files)) {
            throw new IllegalArgumentException("only repositories on disk are repacked");
        }
        long start = System.nanoTime();
        ObjectCounts before = counts(repo);
        GC gc = new GC(files);
        PackConfig config = new PackConfig(repo);
        config.setBuildBitmaps(true);
        gc.setPackConfig(config);
        // Like `git repack -a -d`: old packs go at once; whatever they hold that the new packs do
        // not is loosened first, so a concurrent reader or push loses nothing.
        gc.setPackExpireAgeMillis(0);
        Collection<Pack> written;
        try {
            written = gc.gc().join();
        } catch (IOException e) {
            if (GitLockedException.isLockFailure(e)) {
                throw new GitLockedException(e);
            }
            throw new GitStorageException("could not repack the repository", e);
        } catch (ParseException | GitAPIException e) {
            throw new GitStorageException("could not repack the repository", new IOException(e));
        }
        ObjectCounts after = counts(repo);
        boolean ran = !written.isEmpty() || before.packs() + before.looseObjects() == 0;
        return new RepackResult(ran, before, after, hasBitmap(repo), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * True when the repository's packs hold more than {@code minPackBytes} and none has a
     * reachability bitmap: then every clone counts its objects by walking the whole history (two
     * thirds of a clone's server time in the issue #15 profile), which a repack with a bitmap saves.
     * A push of a large history lands as one such pack.
     */
    public boolean lacksBitmap(Repository repo, long minPackBytes) throws GitException {
        Path packDir = repo.getDirectory().toPath().resolve("objects").resolve("pack");
        try {
            if (countFiles(packDir, "*.bitmap") > 0) {
                return false;
            }
            long bytes = 0;
            try (DirectoryStream<Path> packs = Files.newDirectoryStream(packDir, "*.pack")) {
                for (Path pack : packs) {
                    bytes += Files.size(pack);
                }
            }
            return bytes > minPackBytes;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new GitStorageException("could not list the packs of the repository", e);
        }
    }

    private static int packFiles(Path packDir) throws IOException {
        return (int) countFiles(packDir, "*.pack");
    }

    private static long looseObjects(Path objects) throws IOException {
        long loose = 0;
        try (DirectoryStream<Path> fanout = Files.newDirectoryStream(objects, "[0-9a-f][0-9a-f]")) {
            for (Path dir : fanout) {
                loose += countFiles(dir, "[0-9a-f]*");
            }
        }
        return loose;
    }

    private static long countFiles(Path dir, String glob) throws IOException {
        long n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path ignored : files) {
                n++;
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return n;
    }

    private static boolean hasBitmap(Repository repo) throws GitException {
        try {
            return countFiles(repo.getDirectory().toPath().resolve("objects").resolve("pack"), "*.bitmap") > 0;
        } catch (IOException e) {
            throw new GitStorageException("could not list the packs of the repository", e);
        }
    }
}
