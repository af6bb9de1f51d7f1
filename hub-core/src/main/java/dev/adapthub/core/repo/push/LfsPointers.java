package dev.adapthub.core.repo.push;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.GitErrors;
import dev.adapthub.git.GitException;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.receive.LfsPointerCheck;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.springframework.stereotype.Component;

/**
 * No branch may name a Git LFS object the repository's LFS store does not hold: neither through
 * a push ({@link PushRules} asks {@link #refusal}) nor through a hub commit (browser upload and
 * edit, API and pull request commits ask {@link #requireUploaded}). Otherwise every clone would
 * fail to download the file.
 */
@Component
public class LfsPointers {

    private final RepoService repos;
    private final RepositoryStore store;
    private final LfsStores lfs;

    LfsPointers(RepoService repos, RepositoryStore store, LfsStores lfs) {
        this.repos = repos;
        this.store = store;
        this.lfs = lfs;
    }

    /** Why a pushed ref update may not happen, or empty. Reads only the blobs the push introduces. */
    Optional<String> refusal(Repo repo, ReceiveCommand command) {
        LfsObjectStore objects = lfs.forRepository(repos.storageOf(repo));
        try (Repository git = store.open(repos.storageOf(repo))) {
            return LfsPointerCheck.refusal(git, command, objects::contains);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /**
     * Refuses (422, naming the file) a hub commit that writes a pointer file whose object was
     * never uploaded to this repository.
     *
     * @param branch the branch committed to, for the hint; null for a pull request's head
     */
    public void requireUploaded(Repo repo, String branch, List<FileChange> changes) {
        LfsObjectStore objects = lfs.forRepository(repos.storageOf(repo));
        for (FileChange change : changes == null ? List.<FileChange>of() : changes) {
            if (!(change instanceof FileChange.Put put) || !LfsPointerFile.mayBePointer(put.content().size())) {
                continue;
            }
            Optional<LfsPointerFile> pointer = LfsPointerFile.parse(read(put));
            try {
                if (pointer.isPresent() && !objects.contains(pointer.get().oid())) {
                    throw new InvalidInputException("files", "'" + put.path() + "' is a Git LFS pointer to object "
                            + pointer.get().oid() + ", which was never uploaded to this repository: upload the file"
                            + " itself, or " + (branch == null ? "upload the object with Git LFS first."
                                    : "run `git lfs push --all origin " + branch + "` first."));
                }
            } catch (GitException e) {
                throw GitErrors.translate(e);
            }
        }
    }

    private static byte[] read(FileChange.Put put) {
        try (InputStream in = put.content().open()) {
            return in.readNBytes(LfsPointerFile.MAX_POINTER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + put.path() + " to commit it", e);
        }
    }
}
