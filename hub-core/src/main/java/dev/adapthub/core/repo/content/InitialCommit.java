package dev.adapthub.core.repo.content;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.GitException;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.CommitResult;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

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
@Service
public class InitialCommit {

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

    private final RepositoryStore store;
    private final RepoService repos;
    private final Commits commits;
    private final RepoIndexer indexer;
    private final ApplicationEventPublisher events;

    InitialCommit(RepositoryStore store, RepoService repos, RefUpdater refs, RepoIndexer indexer,
            ApplicationEventPublisher events) {
        this.store = store;
        this.repos = repos;
        this.commits = new Commits(refs);
        this.indexer = indexer;
        this.events = events;
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

    /** The files of the first commit: the defaults, overridden by {@code files} with the same path. */
    static List<FileChange> files(String license, List<FileChange> files) {
        Map<String, FileChange> byPath = new LinkedHashMap<>();
        byPath.put(".gitattributes", FileChange.put(".gitattributes", GITATTRIBUTES));
        String id = license(license);
        if (id != null) {
            byPath.put("README.md", FileChange.put("README.md", "---\nlicense: " + id + "\n---\n"));
        }
        for (FileChange file : files) {
            byPath.put(file.path(), file);
        }
        return new ArrayList<>(byPath.values());
    }

    /** Writes the first commit onto the default branch of the just-created, still empty {@code repo}. */
    public CommitResult write(Repo repo, Account creator, String license, List<FileChange> files) {
        PersonIdent ident = new PersonIdent(creator.displayName(), creator.email());
        CommitResult result;
        try {
            result = commits.commit(store.open(repos.storageOf(repo)), repo.defaultBranch(), ObjectId.zeroId(), ident,
                    "Initial commit", files(license, files));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        indexer.refresh(repo);
        events.publishEvent(new RefsMoved(repo.id(), creator.name(),
                List.of(new RefsMoved.Move(result.refName(), ObjectId.zeroId(), result.commitId()))));
        return result;
    }
}
