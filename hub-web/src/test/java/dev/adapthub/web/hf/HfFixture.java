package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.write.FileChange;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** A public model with text files in folders, an LFS file, and two commits; built through the real services. */
final class HfFixture {

    static final byte[] WEIGHTS = "pretend these are 64 bytes of safetensors weights, exactly 64..!"
            .getBytes(StandardCharsets.US_ASCII);
    static final String CONFIG = "{\"model_type\": \"llama\"}\n";

    final Account owner;
    final Repo repo;
    final String weightsSha256;
    final LfsStores lfs;
    private final RepoService repos;
    private final RepoFiles files;

    HfFixture(Account owner, String name, RepoService repos, RepoWrites writes, RepoFiles files, LfsStores lfs)
            throws Exception {
        this.owner = owner;
        this.repos = repos;
        this.files = files;
        this.lfs = lfs;
        this.repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, name, false));
        weightsSha256 = sha256(WEIGHTS);
        LfsOid oid = new LfsOid(weightsSha256);
        lfs.forRepository(repos.storageOf(repo)).put(oid, WEIGHTS.length, new ByteArrayInputStream(WEIGHTS));
        writes.commit(repo, owner, "main", null, "First files", List.of(
                FileChange.put("README.md", "---\nlicense: apache-2.0\npipeline_tag: text-generation\n"
                        + "library_name: transformers\ntags:\n- npu\n---\n# Model\n"),
                FileChange.put("config.json", CONFIG),
                FileChange.put("weights/model.safetensors", new LfsPointerFile(oid, WEIGHTS.length).format())));
        writes.commit(repo, owner, "main", null, "Add a tokenizer", List.of(
                FileChange.put("weights/tokenizer.json", "{}\n"), FileChange.put("a/b/c.txt", "deep\n")));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    String api() {
        return "/api/models/" + repo.fullName();
    }

    /** The commit {@code main} points at now. */
    String tip() {
        return files.resolve(repos.get(RepoKind.MODEL, repo.owner(), repo.name(), owner), "main").orElseThrow()
                .commitId().name();
    }
}
