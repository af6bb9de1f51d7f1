package dev.adapthub.web.hf;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.GitException;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.read.RefListing;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Commits as {@code commit}/{@code uploadFiles}/{@code create_commit} make them: the NDJSON body of
 * {@code POST …/commit/{branch}} is checked whole (paths, base64, LFS objects present in this
 * repository's store) before the branch moves, and {@code parentCommit} makes the commit fail
 * with 412 when the branch moved since the client looked. {@code ?create_pr=1} opens a pull
 * request with the change instead, and the revision {@code refs/pr/{n}} commits onto one.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfCommitController {

    private static final Pattern PULL_REF = Pattern.compile("refs/pr/([1-9][0-9]{0,17})");

    private final HfRepos hf;
    private final RepoService repos;
    private final RepoFiles files;
    private final RepoWrites writes;
    private final LfsStores lfs;
    private final PullRequestService pulls;
    /** Where commit bodies wait while they are checked: the data directory, not a tmpfs /tmp in memory. */
    private final Path spools;

    HfCommitController(HfRepos hf, RepoService repos, RepoFiles files, RepoWrites writes, LfsStores lfs,
            PullRequestService pulls, HubProperties hub) {
        this.spools = hub.dataDir().resolve("tmp").resolve("commits");
        this.pulls = pulls;
        this.hf = hf;
        this.repos = repos;
        this.files = files;
        this.writes = writes;
        this.lfs = lfs;
    }

    @Operation(summary = "Commit to a branch (NDJSON: header, file, lfsFile, deletedFile, deletedFolder)",
            description = "Answers {commitUrl, commitOid, pullRequestUrl?}. create_pr=1 opens a pull request with"
                    + " the change instead of writing the branch; revision refs/pr/{n} commits onto that pull request.")
    @PostMapping("/api/{type:models|datasets|tools}/{owner}/{name}/commit/{revision}")
    Map<String, Object> commit(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable String revision, @RequestParam(name = "create_pr", required = false) String createPr,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) throws IOException {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        Matcher pullRef = PULL_REF.matcher(revision);
        boolean openPull = HfTreeController.isTrue(createPr);
        String branch = pullRef.matches() ? null : branch(repo, revision);
        if (openPull) {
            HfRepos.requireDiscussionsEnabled(repo);
        }
        if (branch != null && !openPull) {
            // A direct commit needs write access: refuse before spooling a body of up to 64 MiB.
            repos.require(repo, hf.account(user), RepoPermission.WRITE);
        }
        try (CommitSpool spool = CommitSpool.receive(request.getInputStream(), spools, NdjsonCommit.MAX_BODY_BYTES)) {
            return commit(repo, NdjsonCommit.parse(spool), revision, pullRef, openPull, branch, user, request);
        }
    }

    /** Writes a parsed commit while its spool is open: inline files are read from it. */
    private Map<String, Object> commit(Repo repo, NdjsonCommit body, String revision, Matcher pullRef,
            boolean openPull, String branch, HubUser user, HttpServletRequest request) {
        ObjectId parent = parent(body.parentCommit());
        Account account = hf.account(user);
        List<FileChange> changes = changes(repo, body);
        String title = body.summary() == null || body.summary().isBlank() ? "Upload files" : body.summary().strip();
        String message = title;
        if (body.description() != null && !body.description().isBlank()) {
            message += "\n\n" + body.description().strip();
        }
        ObjectId commitId;
        PullRequest pull = null;
        try {
            if (pullRef.matches()) {
                pull = pulls.commitToPullRequest(account, repo, Long.parseLong(pullRef.group(1)), parent, message,
                        changes);
                commitId = ObjectId.fromString(pull.headCommit());
            } else if (openPull) {
                pull = pulls.openWithChanges(account, repo, new NewPullRequest(title, body.description(), branch,
                        false, List.of()), parent, message, changes);
                commitId = ObjectId.fromString(pull.headCommit());
            } else {
                commitId = writes.commit(repo, account, branch, parent, message, changes).commitId();
            }
        } catch (ConflictException e) {
            if (parent != null) {
                throw new HfError(HttpStatus.PRECONDITION_FAILED, null, "'" + revision + "' moved since parentCommit "
                        + parent.name() + "; fetch it again and retry.");
            }
            throw e;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        String site = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        json.put("commitUrl", site + "/" + repo.urlPath() + "/commit/" + commitId.name());
        json.put("commitOid", commitId.name());
        if (pull != null) {
            // The Python client takes the PR number from a URL ending in /discussions/{n}; it leads to the PR page.
            json.put("pullRequestUrl", site + "/" + repo.urlPath() + "/discussions/" + pull.number());
        }
        return json;
    }

    /** The branch a commit goes to; it must exist, except the default branch of an empty repository. */
    private String branch(Repo repo, String revision) {
        String branch = revision.startsWith("refs/heads/") ? revision.substring("refs/heads/".length()) : revision;
        List<RefListing.Branch> branches = files.branches(repo);
        boolean exists = branches.stream().anyMatch(b -> b.name().equals(branch));
        if (!exists && !(branches.isEmpty() && branch.equals(repo.defaultBranch()))) {
            throw HfError.revisionNotFound("No branch '" + branch + "' in " + repo.fullName()
                    + "; commits go to an existing branch.");
        }
        return branch;
    }

    private static ObjectId parent(String parentCommit) {
        if (parentCommit == null || parentCommit.isBlank()) {
            return null;
        }
        if (!ObjectId.isId(parentCommit.strip())) {
            throw HfError.badRequest("parentCommit '" + parentCommit + "' is not a full 40-digit commit id.");
        }
        return ObjectId.fromString(parentCommit.strip());
    }

    private List<FileChange> changes(Repo repo, NdjsonCommit body) {
        LfsObjectStore store = lfs.forRepository(repos.storageOf(repo));
        List<FileChange> changes = new ArrayList<>();
        for (NdjsonCommit.Operation operation : body.operations()) {
            changes.add(change(store, operation));
        }
        return changes;
    }

    private static FileChange change(LfsObjectStore store, NdjsonCommit.Operation operation) {
        if (operation instanceof NdjsonCommit.InlineFile f) {
            return new FileChange.Put(f.path(), f.content());
        }
        if (operation instanceof NdjsonCommit.LfsFile f) {
            return new FileChange.Put(f.path(), Content.of(pointer(store, f)));
        }
        if (operation instanceof NdjsonCommit.DeletedFile f) {
            return new FileChange.Delete(f.path());
        }
        return new FileChange.DeleteFolder(operation.path());
    }

    /** The pointer file of an LFS object that is in this repository's store with the declared size. */
    private static byte[] pointer(LfsObjectStore store, NdjsonCommit.LfsFile file) {
        OptionalLong stored;
        try {
            stored = store.size(file.oid());
        } catch (GitException e) {
            throw new IllegalStateException("could not read LFS object " + file.oid(), e);
        }
        if (stored.isEmpty()) {
            throw new HfError(HttpStatus.UNPROCESSABLE_CONTENT, null, "'" + file.path() + "': LFS object "
                    + file.oid() + " was not uploaded to this repository; upload it through the LFS batch API first.");
        }
        if (stored.getAsLong() != file.size()) {
            throw new HfError(HttpStatus.UNPROCESSABLE_CONTENT, null, "'" + file.path() + "': LFS object "
                    + file.oid() + " has " + stored.getAsLong() + " bytes, not " + file.size() + ".");
        }
        return new LfsPointerFile(file.oid(), file.size()).format();
    }
}
