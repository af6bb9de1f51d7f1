package dev.adapthub.core.repo.push;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.GitErrors;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.core.repo.content.RepoIndexer;
import dev.adapthub.git.GitException;
import dev.adapthub.git.read.Revisions;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.receive.PushContext;
import dev.adapthub.git.receive.PushVerdict;
import dev.adapthub.git.store.RepositoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Branches and tags created, moved and deleted through the API ({@code create_branch},
 * {@code create_tag} and their deletions). Each write is judged by the very rules a {@code git push}
 * of the same ref meets ({@link PushRules} with every {@link PushGuard}: protected branches,
 * the default branch, pull request heads), goes through the compare-and-swap {@link RefUpdater},
 * and is announced as {@link RefsMoved}, as a push is.
 */
@Service
public class RefWrites {

    private final RepositoryStore store;
    private final RepoService repos;
    private final RefUpdater refs;
    private final PushRules rules;
    private final RepoIndexer indexer;
    private final ApplicationEventPublisher events;

    RefWrites(RepositoryStore store, RepoService repos, RefUpdater refs, PushRules rules, RepoIndexer indexer,
            ApplicationEventPublisher events) {
        this.store = store;
        this.repos = repos;
        this.refs = refs;
        this.rules = rules;
        this.indexer = indexer;
        this.events = events;
    }

    /**
     * Creates {@code branch} at {@code startingPoint} (the default branch when null), or as a new
     * root commit with no files when {@code empty}; moves an existing branch only with {@code overwrite}.
     *
     * @throws ConflictException when the branch exists and {@code overwrite} is false
     */
    public ObjectId createBranch(Repo repo, Account who, String branch, String startingPoint, boolean empty,
            boolean overwrite) {
        String ref = name(() -> RefNames.branchRef(branch), "branch");
        Repository git = git(repo);
        ObjectId old = current(git, ref);
        if (!old.equals(ObjectId.zeroId()) && !overwrite) {
            throw new ConflictException("branch", "Branch '" + branch + "' already exists in " + repo.fullName()
                    + "; send \"overwrite\": true to move it.");
        }
        ObjectId target = empty ? emptyCommit(git, who) : commitOf(git, repo, startingPoint);
        write(repo, who, git, ref, old, target, "branch: " + (old.equals(ObjectId.zeroId()) ? "created" : "moved"));
        return target;
    }

    /** @throws NotFoundException when there is no such branch */
    public void deleteBranch(Repo repo, Account who, String branch) {
        delete(repo, who, "branch", branch, name(() -> RefNames.branchRef(branch), "branch"));
    }

    /**
     * Tags the commit {@code revision} names; with a {@code message} the tag is an annotated tag
     * object signed by {@code who}, without one a lightweight tag.
     *
     * @throws ConflictException when the tag exists (tags never move)
     */
    public ObjectId createTag(Repo repo, Account who, String tag, String revision, String message) {
        String ref = name(() -> RefNames.tagRef(tag), "tag");
        Repository git = git(repo);
        ObjectId old = current(git, ref);
        if (!old.equals(ObjectId.zeroId())) {
            throw new ConflictException("tag", "Tag '" + tag + "' already exists in " + repo.fullName()
                    + "; delete it first or choose another name.");
        }
        ObjectId commit = commitOf(git, repo, revision);
        ObjectId target = message == null || message.isBlank() ? commit : tagObject(git, who, tag, commit, message);
        write(repo, who, git, ref, old, target, "tag: created");
        return commit;
    }

    /** @throws NotFoundException when there is no such tag */
    public void deleteTag(Repo repo, Account who, String tag) {
        delete(repo, who, "tag", tag, name(() -> RefNames.tagRef(tag), "tag"));
    }

    private void delete(Repo repo, Account who, String kind, String name, String ref) {
        Repository git = git(repo);
        ObjectId old = current(git, ref);
        if (old.equals(ObjectId.zeroId())) {
            throw new NotFoundException("No " + kind + " '" + name + "' in " + repo.fullName() + ".");
        }
        write(repo, who, git, ref, old, ObjectId.zeroId(), kind + ": deleted");
    }

    private void write(Repo repo, Account who, Repository git, String ref, ObjectId old, ObjectId target,
            String reflog) {
        PushVerdict verdict = rules.check(new PushContext(repos.storageOf(repo), who.name()),
                command(git, ref, old, target));
        if (!verdict.allowed()) {
            throw new ForbiddenException(capitalize(verdict.message()) + ".");
        }
        try {
            refs.update(git, new PersonIdent(who.displayName(), who.email()), reflog,
                    new RefChange(ref, old, target));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        indexer.refresh(repo);
        events.publishEvent(new RefsMoved(repo.id(), who.name(), List.of(new RefsMoved.Move(ref, old, target))));
    }

    /** The command a push of the same move would carry, fast-forward or not, for the push rules. */
    private static ReceiveCommand command(Repository git, String ref, ObjectId old, ObjectId target) {
        if (old.equals(ObjectId.zeroId()) || target.equals(ObjectId.zeroId()) || !ref.startsWith(Constants.R_HEADS)) {
            return new ReceiveCommand(old, target, ref);
        }
        try (RevWalk walk = new RevWalk(git)) {
            boolean fastForward = walk.isMergedInto(walk.parseCommit(old), walk.parseCommit(target));
            return new ReceiveCommand(old, target, ref, fastForward ? ReceiveCommand.Type.UPDATE
                    : ReceiveCommand.Type.UPDATE_NONFASTFORWARD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectId commitOf(Repository git, Repo repo, String revision) {
        String rev = revision == null || revision.isBlank() ? repo.defaultBranch() : revision;
        try {
            return Revisions.resolve(git, rev).commitId();
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    private static ObjectId emptyCommit(Repository git, Account who) {
        PersonIdent ident = new PersonIdent(who.displayName(), who.email());
        try (ObjectInserter inserter = git.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(new TreeFormatter()));
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage("Empty branch\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectId tagObject(Repository git, Account who, String tag, ObjectId commit, String message) {
        try (ObjectInserter inserter = git.newObjectInserter(); RevWalk walk = new RevWalk(git)) {
            RevCommit target = walk.parseCommit(commit);
            TagBuilder builder = new TagBuilder();
            builder.setTag(tag);
            builder.setObjectId(target);
            builder.setTagger(new PersonIdent(who.displayName(), who.email()));
            builder.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(builder);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectId current(Repository git, String ref) {
        try {
            Ref found = git.exactRef(ref);
            return found == null || found.getObjectId() == null ? ObjectId.zeroId() : found.getObjectId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository git(Repo repo) {
        try {
            return store.open(repos.storageOf(repo));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    @FunctionalInterface
    private interface RefName {
        String get() throws GitException;
    }

    private static String name(RefName name, String field) {
        try {
            return name.get();
        } catch (GitException e) {
            throw new InvalidInputException(field, "Not a usable " + field + " name: " + e.getMessage() + ".");
        }
    }

    private static String capitalize(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
