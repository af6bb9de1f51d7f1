package dev.adapthub.git.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevBlob;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LfsPointerCheckTest {

    static final LfsOid OLD = new LfsOid("1".repeat(64));
    static final LfsOid NEW = new LfsOid("2".repeat(64));

    InMemoryRepository repo;
    TestRepository<InMemoryRepository> git;
    Set<LfsOid> stored = new HashSet<>();
    Set<LfsOid> asked = new HashSet<>();
    RevCommit main;

    @BeforeEach
    void setUp() throws Exception {
        repo = new InMemoryRepository(new DfsRepositoryDescription("test"));
        git = new TestRepository<>(repo);
        // Already on main before the check existed: a pointer whose object is missing.
        main = git.branch("refs/heads/main").commit().add("old.bin", pointer(OLD)).add("README.md", "hi\n").create();
    }

    private LfsPointerCheck.Presence presence() {
        return oid -> {
            asked.add(oid);
            return stored.contains(oid);
        };
    }

    private static String pointer(LfsOid oid) {
        return new String(new LfsPointerFile(oid, 42).format(), StandardCharsets.UTF_8);
    }

    private ReceiveCommand push(String ref, ObjectId newId) {
        return new ReceiveCommand(ObjectId.zeroId(), newId, ref, ReceiveCommand.Type.CREATE);
    }

    @Test
    void aNewPointerToAMissingObjectIsRefusedWithWhatToRun() throws Exception {
        RevCommit tip = git.commit().parent(main).add("weights/model.bin", pointer(NEW)).create();

        var refusal = LfsPointerCheck.refusal(repo, push("refs/heads/feature", tip), presence());

        assertThat(refusal).hasValueSatisfying(message -> assertThat(message)
                .contains("refs/heads/feature: weights/model.bin is a Git LFS pointer to object " + NEW)
                .contains("never uploaded").contains("`git lfs push --all origin feature`").doesNotContain("\n"));
        assertThat(asked).as("only the blob the push introduces is looked up").containsExactly(NEW);
    }

    @Test
    void aPointerWhoseObjectIsStoredPasses() throws Exception {
        stored.add(NEW);
        RevCommit tip = git.commit().parent(main).add("weights/model.bin", pointer(NEW)).create();

        assertThat(LfsPointerCheck.refusal(repo, push("refs/heads/feature", tip), presence())).isEmpty();
    }

    @Test
    void pointersAlreadyReachableFromAnyRefAreNotCheckedAgain() throws Exception {
        RevCommit tip = git.commit().parent(main).add("README.md", "changed\n").create();

        assertThat(LfsPointerCheck.refusal(repo, push("refs/heads/main", tip), presence())).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void pullRequestHeadsAreToldToLetGitLfsUploadFirst() throws Exception {
        RevCommit tip = git.commit().parent(main).add("a.bin", pointer(NEW)).add("b.bin", pointer(
                new LfsOid("3".repeat(64)))).create();

        var refusal = LfsPointerCheck.refusal(repo, push("refs/pr/4", tip), presence());

        assertThat(refusal).hasValueSatisfying(message -> assertThat(message).startsWith("refs/pr/4: ")
                .contains("(and more files)").contains("git lfs install"));
    }

    @Test
    void bigFilesAndTextThatIsNoPointerAreNeitherParsedNorLookedUp() throws Exception {
        String big = pointer(NEW) + "x".repeat(LfsPointerFile.MAX_POINTER_BYTES);
        RevBlob notPointer = git.blob("version https://git-lfs.github.com/spec/v1\noid sha256:" + NEW
                + "\nsize twelve, and this line is long enough to pass the size check\n");
        RevCommit tip = git.commit().parent(main).add("big.txt", big).add("odd.txt", notPointer).create();

        assertThat(LfsPointerCheck.missing(repo, tip, presence(), 10)).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void deletingARefChecksNothing() throws Exception {
        var delete = new ReceiveCommand(main, ObjectId.zeroId(), "refs/heads/main", ReceiveCommand.Type.DELETE);

        assertThat(LfsPointerCheck.refusal(repo, delete, presence())).isEmpty();
        assertThat(asked).isEmpty();
    }
}
