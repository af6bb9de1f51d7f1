package dev.adapthub.web.repo;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.GitErrors;
import dev.adapthub.git.GitException;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files uploaded from a browser form (the upload and propose-upload pages) as the changes of one
 * commit. A drop zone sends each file's path inside the dropped folder in {@code paths} (a file
 * input sends bare names). Files over {@value #LFS_THRESHOLD} bytes, and binary files, are stored
 * as Git LFS objects and committed as pointer files, as {@code git lfs track} would: the
 * repository's Git history stays small and clones fetch the bytes only when asked.
 */
@Component
public class BrowserUploads {

    /** No repository setting names one, so 10 MiB: the size above which the Hugging Face Hub wants LFS (pulls/dropzone.html repeats it). */
    public static final long LFS_THRESHOLD = 10L * 1024 * 1024;
    /** Git's own test for binary content: a NUL byte in the first 8000 bytes. */
    private static final int BINARY_PROBE = 8000;

    /** The changes to commit and the paths stored with LFS. */
    public record Prepared(List<FileChange> changes, List<String> lfsPaths) {
    }

    private final RepoService repos;
    private final LfsStores lfs;

    BrowserUploads(RepoService repos, LfsStores lfs) {
        this.repos = repos;
        this.lfs = lfs;
    }

    /**
     * @param folder the folder to put the files in (blank: the root)
     * @param paths  one path per upload, relative to {@code folder}, or null to use the file names
     */
    public Prepared prepare(Repo repo, String folder, List<MultipartFile> uploads, List<String> paths)
            throws IOException {
        String prefix = folder == null || folder.isBlank() ? "" : folder.strip().replaceAll("/+$", "") + "/";
        List<MultipartFile> files = uploads == null ? List.of() : uploads;
        boolean named = paths != null && paths.size() == files.size();
        List<FileChange> changes = new ArrayList<>();
        List<String> lfsPaths = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MultipartFile upload = files.get(i);
            String fileName = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename();
            if (upload.isEmpty() && fileName.isBlank()) {
                continue;
            }
            String path = prefix + (named && !paths.get(i).isBlank() ? paths.get(i).strip() : fileName);
            byte[] bytes = upload.getBytes();
            if (bytes.length > LFS_THRESHOLD || binary(bytes)) {
                changes.add(new FileChange.Put(path, Content.of(storeInLfs(repo, path, bytes))));
                lfsPaths.add(path);
            } else {
                changes.add(new FileChange.Put(path, Content.of(bytes)));
            }
        }
        return new Prepared(changes, lfsPaths);
    }

    static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private byte[] storeInLfs(Repo repo, String path, byte[] bytes) {
        LfsOid oid = new LfsOid(sha256(bytes));
        LfsObjectStore store = lfs.forRepository(repos.storageOf(repo));
        try {
            if (!store.contains(oid)) {
                store.put(oid, bytes.length, new ByteArrayInputStream(bytes));
            }
        } catch (GitException e) {
            RuntimeException translated = GitErrors.translate(e);
            if (translated instanceof InvalidInputException) {
                throw new InvalidInputException("files", "'" + path + "' could not be stored with Git LFS: "
                        + translated.getMessage());
            }
            throw translated;
        }
        return new LfsPointerFile(oid, bytes.length).format();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
