package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.api;
import static dev.adapthub.web.pull.PullFixture.call;
import static dev.adapthub.web.pull.PullTestSupport.gitUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.web.pull.PullFixture.Answer;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubWebTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Git LFS pointer may only land when the hub has its object: a commit holding a hand-written
 * pointer, pushed with the stock git client without git-lfs uploading anything, is refused with
 * what to run and changes no ref; after the upload the same push lands. The same for a pull
 * request's head and for the hub's own commits.
 */
@HubWebTest
class LfsPointerPushTest {

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired LfsStores lfs;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;

    GitCli git;
    Path work;
    Team team;

    @BeforeEach
    void setUp() throws Exception {
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-lfs-pointer");
        team = fixture.team();
    }

    private String remoteRef(String ref) throws Exception {
        return PullTestSupport.remoteRef(git, work, port, team, ref);
    }

    /** Random content and its pointer file, as `git lfs` would write it. */
    private record Weights(byte[] content, LfsOid oid, String pointer) {
        static Weights random(long seed) throws Exception {
            byte[] content = new byte[64 * 1024];
            new Random(seed).nextBytes(content);
            LfsOid oid = new LfsOid(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            String pointer = new String(new LfsPointerFile(oid, content.length).format(), StandardCharsets.UTF_8);
            return new Weights(content, oid, pointer);
        }

        /** Puts the content where git-lfs keeps it in a clone, so `git lfs push` finds it. */
        void storeLocally(Path clone) throws Exception {
            String hex = oid.hex();
            Path file = clone.resolve(".git/lfs/objects").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4))
                    .resolve(hex);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
    }

    private Path commitPointer(Path clone, Weights weights) throws Exception {
        Files.createDirectories(clone.resolve("weights"));
        Files.writeString(clone.resolve("weights/model.safetensors"), weights.pointer());
        git.ok(clone, "add", "weights/model.safetensors");
        git.ok(clone, "commit", "-q", "-m", "Add weights (pointer only)");
        return clone;
    }

    @Test
    void aPointerPushedWithoutItsObjectIsRefusedUntilGitLfsPushUploadsIt() throws Exception {
        GitCli.requireOnPath("git-lfs");
        git.ok(work, "clone", "-q", gitUrl(port, team.repo(), team.owner(), team.ownerToken()), "c");
        Path clone = work.resolve("c");
        git.ok(clone, "checkout", "-q", "-b", "weights");
        git.ok(clone, "push", "-q", "origin", "weights");
        String before = remoteRef("refs/heads/weights");
        Weights weights = Weights.random(1);
        commitPointer(clone, weights);

        GitCli.Result refused = git.run(clone, "push", "origin", "weights");

        assertThat(refused.ok()).as(refused.output()).isFalse();
        assertThat(refused.stderr()).contains("remote:")
                .contains("weights/model.safetensors is a Git LFS pointer to object " + weights.oid())
                .contains("never uploaded").contains("git lfs push --all origin weights");
        assertThat(remoteRef("refs/heads/weights")).isEqualTo(before);

        weights.storeLocally(clone);
        git.ok(clone, "lfs", "push", "--all", "origin", "weights");
        GitCli.Result accepted = git.run(clone, "push", "origin", "weights");

        assertThat(accepted.ok()).as(accepted.output()).isTrue();
        assertThat(remoteRef("refs/heads/weights")).isEqualTo(git.ok(clone, "rev-parse", "HEAD").stdout().strip());
        assertThat(lfs.forRepository(repos.storageOf(team.repo())).size(weights.oid())).hasValue(64 * 1024);
    }

    @Test
    void aReadersPullRequestPushIsRefusedWithoutTheObjectAndLandsWhenGitLfsUploadsIt() throws Exception {
        GitCli.requireOnPath("git-lfs");
        Answer opened = call(port, "POST", api(team.repo()), team.contributorToken(), Map.of("title", "int8 weights",
                "files", List.of(Map.of("path", "NOTES.md", "content", "int8\n"))));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String prRef = "refs/pr/" + opened.body().get("number").asLong();
        String head = opened.body().get("head").asText();
        git.ok(work, "clone", "-q", gitUrl(port, team.repo(), team.contributor(), team.contributorToken()), "c");
        Path clone = work.resolve("c");
        git.ok(clone, "fetch", "-q", "origin", prRef);
        git.ok(clone, "checkout", "-q", "FETCH_HEAD");
        Weights weights = Weights.random(2);
        commitPointer(clone, weights);

        GitCli.Result refused = git.run(clone, "push", "origin", "HEAD:" + prRef);

        assertThat(refused.ok()).as(refused.output()).isFalse();
        assertThat(refused.stderr()).contains(prRef + ": weights/model.safetensors is a Git LFS pointer")
                .contains("git lfs install");
        assertThat(remoteRef(prRef)).isEqualTo(head);

        // As the hint says: with git-lfs's pre-push hook, git-lfs uploads for refs/pr/{n} first.
        weights.storeLocally(clone);
        git.ok(clone, "lfs", "install", "--local");
        GitCli.Result accepted = git.run(clone, "push", "origin", "HEAD:" + prRef);

        assertThat(accepted.ok()).as(accepted.output()).isTrue();
        assertThat(remoteRef(prRef)).isEqualTo(git.ok(clone, "rev-parse", "HEAD").stdout().strip());
        assertThat(lfs.forRepository(repos.storageOf(team.repo())).size(weights.oid())).hasValue(64 * 1024);
    }

    @Test
    void hubCommitsOfAPointerToAnObjectNeverUploadedAreRefusedNamingTheFile() throws Exception {
        Weights weights = Weights.random(3);
        Answer proposed = call(port, "POST", api(team.repo()), team.contributorToken(), Map.of("title", "weights",
                "files", List.of(Map.of("path", "weights/model.safetensors", "content", weights.pointer()))));

        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(422);
        assertThat(proposed.raw()).contains("weights/model.safetensors").contains("never uploaded");

        // The browser upload and edit forms commit through RepoWrites.
        String tip = remoteRef("refs/heads/main");
        assertThatThrownBy(() -> writes.commit(team.repo(), team.owner(), "main", null, "Upload",
                List.of(PullFixture.put("weights/model.safetensors", weights.pointer()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("weights/model.safetensors").hasMessageContaining(weights.oid().hex())
                .hasMessageContaining("git lfs push --all origin main");
        assertThat(remoteRef("refs/heads/main")).isEqualTo(tip);

        lfs.forRepository(repos.storageOf(team.repo())).put(weights.oid(), weights.content().length,
                new ByteArrayInputStream(weights.content()));
        writes.commit(team.repo(), team.owner(), "main", null, "Upload",
                List.of(PullFixture.put("weights/model.safetensors", weights.pointer())));
        assertThat(remoteRef("refs/heads/main")).isNotEqualTo(tip);
    }
}
