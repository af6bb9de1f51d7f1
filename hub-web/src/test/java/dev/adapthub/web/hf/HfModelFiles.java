package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.write.FileChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A public model with the files the Hub derives metadata from: {@code config.json}, a
 * {@code model.safetensors} stored in LFS (6 BF16 and 4 F32 parameters), a small {@code model.gguf}
 * in Git (llama, context 4096, 32 parameters), a {@code .gitattributes} that sends {@code *.npy}
 * and {@code *.safetensors} through LFS, a {@code .gitignore} and a README with front matter; three commits.
 */
final class HfModelFiles {

    static final String CONFIG = "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\"}\n";
    static final String GITATTRIBUTES = "*.safetensors filter=lfs diff=lfs merge=lfs -text\n"
            + "*.npy filter=lfs diff=lfs merge=lfs -text\n";
    static final byte[] SAFETENSORS = safetensors();
    static final byte[] GGUF = gguf();

    final Repo repo;
    final String weightsSha256;
    final String pointer;

    HfModelFiles(Account owner, String name, RepoService repos, RepoWrites writes, LfsStores lfs) throws Exception {
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, name, false));
        weightsSha256 = HfFixture.sha256(SAFETENSORS);
        LfsOid oid = new LfsOid(weightsSha256);
        lfs.forRepository(repos.storageOf(repo)).put(oid, SAFETENSORS.length, new ByteArrayInputStream(SAFETENSORS));
        pointer = new String(new LfsPointerFile(oid, SAFETENSORS.length).format(), StandardCharsets.UTF_8);
        writes.commit(repo, owner, "main", null, "Card and config", List.of(
                FileChange.put("README.md", "---\nlicense: apache-2.0\npipeline_tag: text-generation\n"
                        + "library_name: transformers\ntags:\n- npu\ndatasets:\n- wikitext\n---\n# Model\n"),
                FileChange.put("config.json", CONFIG), FileChange.put(".gitattributes", GITATTRIBUTES),
                FileChange.put(".gitignore", "*.log\n")));
        writes.commit(repo, owner, "main", null, "Weights", List.of(FileChange.put("model.safetensors", pointer)));
        writes.commit(repo, owner, "main", null, "GGUF", List.of(FileChange.put("model.gguf", GGUF)));
    }

    /** Two tensors: a [2, 3] BF16 and a [4] F32, with their 28 bytes of data. */
    private static byte[] safetensors() {
        byte[] header = ("{\"__metadata__\": {\"format\": \"pt\"},"
                + " \"a\": {\"dtype\": \"BF16\", \"shape\": [2, 3], \"data_offsets\": [0, 12]},"
                + " \"b\": {\"dtype\": \"F32\", \"shape\": [4], \"data_offsets\": [12, 28]}}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + header.length + 28).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(header.length).put(header);
        return buffer.array();
    }

    /** GGUF v3: general.architecture = llama, llama.context_length = 4096 (u32), one [4, 8] F32 tensor. */
    private static byte[] gguf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        le(out, 4, 0x46554747L);
        le(out, 4, 3);
        le(out, 8, 1);
        le(out, 8, 2);
        string(out, "general.architecture");
        le(out, 4, 8);
        string(out, "llama");
        string(out, "llama.context_length");
        le(out, 4, 4);
        le(out, 4, 4096);
        string(out, "token_embd.weight");
        le(out, 4, 2);
        le(out, 8, 4);
        le(out, 8, 8);
        le(out, 4, 0);
        le(out, 8, 0);
        out.writeBytes(new byte[32 * 4]);
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        le(out, 8, bytes.length);
        out.writeBytes(bytes);
    }

    private static void le(ByteArrayOutputStream out, int bytes, long value) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
