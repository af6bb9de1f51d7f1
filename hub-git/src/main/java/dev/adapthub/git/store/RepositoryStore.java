package dev.adapthub.git.store;

import dev.adapthub.git.GitConflictException;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.refs.RefNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bare repositories of the hub, one per {@link RepoId}, at
 * {@code {root}/repos/{first two hex digits}/{32 hex digits}.git}. Names never appear on disk,
 * so renames and transfers touch only the database.
 * <p>
 * Invariants: a repository directory is either absent or complete (creation happens in
 * {@code {root}/tmp} and is moved into place atomically; deletion moves it out atomically before
 * removing files); HEAD of a new repository points at {@code refs/heads/main}.
 * <p>
 * {@link #open} returns a shared, cached {@link Repository}; every caller closes what it opened
 * (try-with-resources), which only releases its use count. {@link #close()} and {@link #delete}
 * release the cache's own reference.
 * <p>
 * Crash recovery: the first time the store opens a repository, it removes the lock files a killed
 * process left there ({@link StaleLocks}: older than this process and without a live owner), so a
 * {@code kill -9} during a push or repack does not block branch deletions and repacks for good.
 * This happens once per repository per store (one store per process), not on every request.
 * <p>
 * Repacking is the hub's job (scheduled, one repository at a time, see the {@code maintenance}
 * package), so JGit's own automatic gc after every push is switched off in each repository.
 */
public final class RepositoryStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryStore.class);

    private static final Duration CLOCK_TICK_MARGIN = Duration.ofMillis(50);

    private final Path root;
    private final Instant staleBefore;
    private final Map<RepoId, Repository> cache = new ConcurrentHashMap<>();
    private final Map<RepoId, Boolean> recovered = new ConcurrentHashMap<>();

    /**
     * A store whose crash recovery treats lock files older than the store itself as stale: every
     * write of this process goes through its store, so none of its own locks can be older. (The
     * process's start time is not used: Linux reports it from the boot time in whole seconds, up
     * to a second early, and a hub restarted within that second kept its predecessor's locks.)
     * Filesystems stamp files with a clock that lags by up to a timer tick, so a lock this store
     * takes at once may look a few milliseconds older than the store: the margin covers that.
     */
    public RepositoryStore(Path root) {
        this(root, Instant.now().minus(CLOCK_TICK_MARGIN));
    }

    /**
     * @param staleBefore lock files last modified before this instant, without a live owner, are
     *        leftovers of a crash
     */
    public RepositoryStore(Path root, Instant staleBefore) {
        this.root = root.toAbsolutePath().normalize();
        this.staleBefore = Objects.requireNonNull(staleBefore, "staleBefore");
    }

    /** Where the bare repository of {@code id} lives (whether or not it exists). */
    public Path directory(RepoId id) {
        String hex = id.toString();
        return root.resolve("repos").resolve(hex.substring(0, 2)).resolve(hex + ".git");
    }

    public boolean exists(RepoId id) {
        return Files.isDirectory(directory(id));
    }

    /**
     * Creates an empty bare repository whose HEAD points at {@code refs/heads/main}.
     *
     * @throws GitConflictException when a repository with this id already exists
     */
    public void create(RepoId id) throws GitException {
        Path target = directory(id);
        if (Files.exists(target)) {
            throw new GitConflictException("repository " + id + " already exists");
        }
        Path staging = root.resolve("tmp").resolve("create-" + UUID.randomUUID() + ".git");
        try {
            Files.createDirectories(staging.getParent());
            Files.createDirectories(target.getParent());
            try (Git git = Git.init().setBare(true).setDirectory(staging.toFile())
                    .setInitialBranch(RefNames.DEFAULT_BRANCH).call()) {
                StoredConfig config = git.getRepository().getConfig();
                // Bare repositories keep no reflog by default; the hub wants the audit trail.
                config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                        ConfigConstants.CONFIG_KEY_LOGALLREFUPDATES, true);
                disableAutoGc(config);
                config.save();
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteQuietly(staging);
            throw new GitConflictException("repository " + id + " already exists");
        } catch (IOException | GitAPIException e) {
            deleteQuietly(staging);
            throw new GitStorageException("could not create repository " + id,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Opens the repository. The caller must {@link Repository#close() close} it; the store keeps
     * the underlying instance (and its pack file handles) cached between calls.
     *
     * @throws GitNotFoundException when no repository has this id
     */
    public Repository open(RepoId id) throws GitException {
        Repository repo = cache.get(id);
        if (repo == null) {
            Path dir = directory(id);
            if (!Files.isDirectory(dir)) {
                throw new GitNotFoundException("repository " + id + " does not exist");
            }
            recovered.computeIfAbsent(id, key -> recover(key, dir));
            try {
                Repository opened = new FileRepositoryBuilder().setGitDir(dir.toFile())
                        .setMustExist(true).build();
                repo = cache.putIfAbsent(id, opened);
                if (repo == null) {
                    repo = opened;
                } else {
                    opened.close();
                }
            } catch (IOException e) {
                throw new GitStorageException("could not open repository " + id, e);
            }
        }
        repo.incrementOpen();
        return repo;
    }

    /**
     * Deletes the repository and everything stored with it (including its LFS objects).
     * Callers still holding it open see I/O errors afterwards.
     *
     * @throws GitNotFoundException when no repository has this id
     */
    public void delete(RepoId id) throws GitException {
        Path dir = directory(id);
        Repository cached = cache.remove(id);
        recovered.remove(id);
        if (cached != null) {
            cached.close();
        }
        Path trash = root.resolve("tmp").resolve("delete-" + UUID.randomUUID());
        try {
            Files.createDirectories(trash.getParent());
            if (!Files.isDirectory(dir)) {
                throw new GitNotFoundException("repository " + id + " does not exist");
            }
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
            FileUtils.delete(trash.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        } catch (IOException e) {
            throw new GitStorageException("could not delete repository " + id, e);
        }
    }

    /**
     * Releases every cached repository. A store that opens repositories after this behaves as in a
     * restarted process: it checks each one for crash leftovers again.
     */
    @Override
    public void close() {
        cache.values().forEach(Repository::close);
        cache.clear();
        recovered.clear();
    }

    /**
     * Clears what a crash left in the repository and switches off JGit's automatic gc in
     * repositories created before the hub scheduled repacks itself. Never fails the open: a
     * leftover that cannot be removed surfaces as a busy repository, which is retryable.
     */
    private Boolean recover(RepoId id, Path dir) {
        try {
            List<String> removed = StaleLocks.clear(dir, staleBefore);
            if (!removed.isEmpty()) {
                LOG.info("Repository {}: removed lock files left by a crash: {}", id, String.join(", ", removed));
            }
        } catch (UncheckedIOException e) {
            LOG.warn("Repository {}: could not check for lock files left by a crash: {}", id, e.getCause().toString());
        }
        try {
            FileBasedConfig config = new FileBasedConfig(dir.resolve(Constants.CONFIG).toFile(), FS.DETECTED);
            config.load();
            if (config.getBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION, ConfigConstants.CONFIG_KEY_AUTOGC, true)) {
                disableAutoGc(config);
                config.save();
            }
        } catch (IOException | ConfigInvalidException e) {
            LOG.warn("Repository {}: could not switch off JGit's automatic gc: {}", id, e.toString());
        }
        return Boolean.TRUE;
    }

    private static void disableAutoGc(StoredConfig config) {
        config.setBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOGC, false);
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            // Only a leftover in tmp/: the failure that brought us here is the one to report.
        }
    }
}
