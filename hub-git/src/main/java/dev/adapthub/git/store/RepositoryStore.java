package dev.adapthub.git.store;

import dev.adapthub.git.GitConflictException;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.refs.RefNames;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

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
 */
public final class RepositoryStore implements AutoCloseable {

    private final Path root;
    private final Map<RepoId, Repository> cache = new ConcurrentHashMap<>();

    public RepositoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
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

    /** Releases every cached repository. */
    @Override
    public void close() {
        cache.values().forEach(Repository::close);
        cache.clear();
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            // Only a leftover in tmp/: the failure that brought us here is the one to report.
        }
    }
}
