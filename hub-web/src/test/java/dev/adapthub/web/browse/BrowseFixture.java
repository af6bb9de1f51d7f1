package dev.adapthub.web.browse;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.FileChange;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A public model repository with text, Markdown, binary, large and LFS files, a tag {@code v1} on
 * the first commit and enough commits for two history pages; built once through the real services.
 */
final class BrowseFixture {

    static final String APP_V1 = "print('v1')\n# <script>alert(1)</script>\n";
    static final String APP_V2 = "print('v2')\n# <script>alert(1)</script>\n";
    static final byte[] BINARY = {0, 1, 2, 3, (byte) 0xff, 0, 42, 7, 8, 9};
    static final byte[] WEIGHTS = "pretend these are 64 bytes of safetensors weights, exactly 64..!"
            .getBytes(StandardCharsets.US_ASCII);
    static final int COUNTER_COMMITS = 35;

    final Account owner;
    final Repo repo;
    final ObjectId first;
    final ObjectId second;
    final String weightsSha256;

    BrowseFixture(Account owner, RepoService repos, RepoWrites writes, RepositoryStore store) throws Exception {
        this.owner = owner;
        this.repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "browse-me", false));
        weightsSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(WEIGHTS));
        LfsOid oid = new LfsOid(weightsSha256);
        LfsStores.insideRepositories(store, 1 << 20).forRepository(repos.storageOf(repo))
                .put(oid, WEIGHTS.length, new ByteArrayInputStream(WEIGHTS));
        first = writes.commit(repo, owner, "main", null, "First files", List.of(
                FileChange.put("README.md", "# Browse me\n\nSee [the app](src/app.py).\n"),
                FileChange.put("src/app.py", APP_V1),
                FileChange.put("data/blob.bin", BINARY),
                FileChange.put("data/big.txt", "0123456789abcdef\n".repeat(70_000)),
                FileChange.put("model.safetensors", new LfsPointerFile(oid, WEIGHTS.length).format()))).commitId();
        second = writes.commit(repo, owner, "main", null, "Say v2", List.of(
                FileChange.put("src/app.py", APP_V2))).commitId();
        for (int i = 1; i <= COUNTER_COMMITS; i++) {
            writes.commit(repo, owner, "main", null, "Count " + i, List.of(FileChange.put("counter.txt", i + "\n")));
        }
        new RefUpdater().update(store.open(repos.storageOf(repo)), new PersonIdent("t", "t@example.org"), "tag",
                RefChange.create("refs/tags/v1", first));
    }

    String base() {
        return "/" + repo.urlPath();
    }
}
