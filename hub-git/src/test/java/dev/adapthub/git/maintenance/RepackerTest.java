package dev.adapthub.git.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.TempRepository;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repacks real on-disk repositories and looks at the files left in {@code objects/}. */
class RepackerTest {
    static final PersonIdent WHO = new PersonIdent("Hub", "hub@example.org");

    @TempDir
    Path root;
    TempRepository temp;
    Repository repo;
    Repacker repacker = new Repacker();

    @BeforeEach
    void setUp() throws Exception {
        temp = new TempRepository(root);
        repo = temp.repo;
    }

    @AfterEach
    void tearDown() {
        temp.close();
    }

    @Test
    void manyPacksFromPushesBecomeOnePackWithABitmapAndEveryCommitStaysReadable() throws Exception {
        ObjectId tip = ObjectId.zeroId();
        RefUpdater refs = new RefUpdater();
        for (int push = 1; push <= 12; push++) {
            ObjectId commit = commitInItsOwnPack(tip, "push " + push);
            refs.update(repo, WHO, "push", RefChange.update("refs/heads/main", tip, commit));
            tip = commit;
        }
        refs.update(repo, WHO, "branch", RefChange.create("refs/heads/feature", tip));
        ObjectCounts before = repacker.counts(repo);
        assertThat(before.packs()).isEqualTo(12);
        assertThat(before.exceed(new RepackLimits(10, 1000))).isTrue();

        RepackResult result = repacker.repack(repo);

        assertThat(result.ran()).isTrue();
        assertThat(result.before()).isEqualTo(before);
        assertThat(result.after()).isEqualTo(new ObjectCounts(1, 0));
        assertThat(result.bitmap()).isTrue();
        assertThat(packFiles("*.bitmap")).hasSize(1);
        assertThat(result.after().exceed(new RepackLimits(10, 1000))).isFalse();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.exactRef("refs/heads/main").getObjectId()));
            int commits = 0;
            for (RevCommit c : walk) {
                assertThat(walk.getObjectReader().open(c.getTree()).getSize()).isPositive();
                commits++;
            }
            assertThat(commits).isEqualTo(12);
        }
        // Refs are packed now; deleting one takes packed-refs.lock, which nobody holds.
        refs.update(repo, WHO, "delete", RefChange.delete("refs/heads/feature", tip));
        assertThat(repo.exactRef("refs/heads/feature")).isNull();
    }

    @Test
    void looseObjectsOfHubCommitsAreCountedAndPacked() throws Exception {
        TestRepository<Repository> git = new TestRepository<>(repo);
        RevCommit commit = git.commit().add("a.txt", "a").add("b.txt", "b").create();
        new RefUpdater().update(repo, WHO, "commit", RefChange.create("refs/heads/main", commit));

        ObjectCounts before = repacker.counts(repo);
        assertThat(before).isEqualTo(new ObjectCounts(0, 4));
        assertThat(before.exceed(new RepackLimits(10, 3))).isTrue();

        RepackResult result = repacker.repack(repo);

        assertThat(result.after()).isEqualTo(new ObjectCounts(1, 0));
        assertThat(result.tookMillis()).isNotNegative();
    }

    private ObjectId commitInItsOwnPack(ObjectId parent, String text) throws Exception {
        try (PackInserter inserter = ((FileRepository) repo).getObjectDatabase().newPackInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
            TreeFormatter tree = new TreeFormatter();
            tree.append("README.md", FileMode.REGULAR_FILE, blob);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            if (!parent.equals(ObjectId.zeroId())) {
                commit.setParentId(parent);
            }
            commit.setAuthor(WHO);
            commit.setCommitter(WHO);
            commit.setMessage(text);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    private List<Path> packFiles(String glob) throws Exception {
        List<Path> list = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(repo.getDirectory().toPath()
                .resolve("objects/pack"), glob)) {
            files.forEach(list::add);
        }
        return list;
    }
}
