package dev.adapthub.git.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitConflictException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.read.Blobs;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.TempRepository;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergesTest {
    static final PersonIdent MAINTAINER = new PersonIdent("Maintainer", "m@example.org");
    static final PersonIdent CONTRIBUTOR = new PersonIdent("Contributor", "c@example.org");

    @TempDir
    Path root;
    TempRepository temp;
    Repository repo;
    Commits commits = new Commits(new RefUpdater());
    Merges merges = new Merges(new RefUpdater());
    ObjectId base;

    @BeforeEach
    void setUp() throws Exception {
        temp = new TempRepository(root);
        repo = temp.repo;
        base = commits.commit(repo, "main", ObjectId.zeroId(), MAINTAINER, "base",
                List.of(FileChange.put("config.yaml", "tensor: 1\nprecision: bf16\n"), FileChange.put("README.md", "hi\n")))
                .commitId();
    }

    @AfterEach
    void tearDown() {
        temp.close();
    }

    private ObjectId onBranch(String branch, String path, String content) throws Exception {
        return commits.commit(repo, branch, null, CONTRIBUTOR, "change " + path, List.of(FileChange.put(path, content)))
                .commitId();
    }

    private MergeRequest request(ObjectId source, MergeMethod method) {
        return new MergeRequest("main", source, null, method, CONTRIBUTOR, MAINTAINER, "Merge PR");
    }

    private String read(ObjectId commit, String path) throws Exception {
        try (InputStream in = Blobs.open(repo, commit, path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void branchFrom(String branch, ObjectId start) throws Exception {
        new RefUpdater().update(repo, CONTRIBUTOR, "branch", RefChange.create("refs/heads/" + branch, start));
    }

    private void rewindMain(ObjectId from, ObjectId to) throws Exception {
        new RefUpdater().update(repo, MAINTAINER, "rewind", RefChange.update("refs/heads/main", from, to));
    }

    @Test
    void fastForwardableSourceMergesWithEveryMethod() throws Exception {
        branchFrom("pr", base);
        ObjectId source = onBranch("pr", "c", "c");

        MergeCheck check = merges.check(repo, "main", source);
        assertThat(check.status()).isEqualTo(MergeCheck.Status.FAST_FORWARD);
        assertThat(check.targetTip()).isEqualTo(base);
        assertThat(check.allows(MergeMethod.FAST_FORWARD_ONLY)).isTrue();

        MergeResult result = merges.merge(repo, new MergeRequest("main", source, check.targetTip(),
                MergeMethod.FAST_FORWARD_ONLY, null, MAINTAINER, "ff"));
        assertThat(result.previousTip()).isEqualTo(base);
        assertThat(result.newTip()).isEqualTo(source);
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(source);

        ObjectId next = onBranch("pr", "d", "d");
        MergeResult mergeCommit = merges.merge(repo, request(next, MergeMethod.MERGE_COMMIT));
        try (RevWalk walk = new RevWalk(repo)) {
            assertThat(walk.parseCommit(mergeCommit.newTip()).getParentCount()).as("no implicit fast-forward").isEqualTo(2);
        }
    }

    @Test
    void divergedHistoriesMergeWithTwoParentsOrSquashToOne() throws Exception {
        branchFrom("pr", base);
        ObjectId source = onBranch("pr", "config.yaml", "tensor: 2\nprecision: bf16\n");
        ObjectId mainTip = onBranch("main", "README.md", "hello\n");

        assertThat(merges.check(repo, "main", source).status()).isEqualTo(MergeCheck.Status.CLEAN);
        assertThatThrownBy(() -> merges.merge(repo, request(source, MergeMethod.FAST_FORWARD_ONLY)))
                .isInstanceOf(GitConflictException.class).hasMessageContaining("cannot fast-forward");

        MergeResult merged = merges.merge(repo, request(source, MergeMethod.MERGE_COMMIT));
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(merged.newTip());
            assertThat(commit.getParents()).containsExactly(walk.parseCommit(mainTip), walk.parseCommit(source));
            assertThat(commit.getCommitterIdent().getName()).isEqualTo("Maintainer");
        }
        assertThat(read(merged.newTip(), "config.yaml")).isEqualTo("tensor: 2\nprecision: bf16\n");
        assertThat(read(merged.newTip(), "README.md")).isEqualTo("hello\n");

        ObjectId second = onBranch("pr", "extra.txt", "e\n");
        onBranch("main", "other.txt", "o\n");
        MergeResult squashed = merges.merge(repo, request(second, MergeMethod.SQUASH));
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(squashed.newTip());
            assertThat(commit.getParentCount()).isEqualTo(1);
            assertThat(commit.getParent(0)).isEqualTo(squashed.previousTip());
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Contributor");
        }
        assertThat(read(squashed.newTip(), "extra.txt")).isEqualTo("e\n");
        assertThat(read(squashed.newTip(), "other.txt")).isEqualTo("o\n");
    }

    @Test
    void conflictsAreListedByFileAndNothingMoves() throws Exception {
        branchFrom("pr", base);
        ObjectId source = commits.commit(repo, "pr", base, CONTRIBUTOR, "theirs",
                List.of(FileChange.put("config.yaml", "tensor: 4\nprecision: bf16\n"), FileChange.put("README.md", "pr\n"),
                        FileChange.put("only-pr.txt", "ok\n"))).commitId();
        ObjectId tip = commits.commit(repo, "main", base, MAINTAINER, "ours",
                List.of(FileChange.put("config.yaml", "tensor: 8\nprecision: bf16\n"), FileChange.put("README.md", "main\n")))
                .commitId();

        MergeCheck check = merges.check(repo, "main", source);
        assertThat(check.status()).isEqualTo(MergeCheck.Status.CONFLICTS);
        assertThat(check.conflicts()).containsExactly("README.md", "config.yaml");
        assertThat(check.allows(MergeMethod.MERGE_COMMIT)).isFalse();
        assertThatThrownBy(() -> merges.merge(repo, request(source, MergeMethod.SQUASH)))
                .isInstanceOf(MergeConflictException.class)
                .satisfies(e -> assertThat(((MergeConflictException) e).paths()).containsExactly("README.md", "config.yaml"))
                .hasMessageContaining("README.md, config.yaml");
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(tip);
    }

    @Test
    void refusesUpToDateMissingAndStaleTargets() throws Exception {
        assertThatThrownBy(() -> merges.merge(repo, request(base, MergeMethod.MERGE_COMMIT)))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("nothing to merge");
        assertThatThrownBy(() -> merges.check(repo, "nope", base)).isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> merges.check(repo, "main", ObjectId.fromString("1234567890123456789012345678901234567890")))
                .isInstanceOf(GitNotFoundException.class);
        ObjectId child = onBranch("main", "n", "n");
        rewindMain(child, base);
        ObjectId moved = onBranch("main", "m", "m");
        assertThatThrownBy(() -> merges.merge(repo, new MergeRequest("main", child, base, MergeMethod.MERGE_COMMIT,
                null, MAINTAINER, "merge"))).isInstanceOf(RefConflictException.class);
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(moved);
    }

    @Test
    void targetMovingDuringTheMergeIsRefusedAndTheOtherCommitSurvives() throws Exception {
        ObjectId child = onBranch("main", "n", "n");
        rewindMain(child, base);
        ObjectId[] theirs = new ObjectId[1];
        Merges racing = new Merges(new RefUpdater((r, changes) -> {
            try {
                theirs[0] = commits.commit(r, "main", base, MAINTAINER, "sneaky", List.of(FileChange.put("s", "s"))).commitId();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));

        assertThatThrownBy(() -> racing.merge(repo, request(child, MergeMethod.MERGE_COMMIT)))
                .isInstanceOf(RefConflictException.class);
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(theirs[0]);
    }
}
