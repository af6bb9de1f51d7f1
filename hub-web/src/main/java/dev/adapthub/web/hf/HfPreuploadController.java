package dev.adapthub.web.hf;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST …/preupload/{rev}}: tells the client, per file, whether to send it inline in the
 * commit ({@code regular}) or through LFS ({@code lfs}), as the Hub decides: a path the
 * repository's {@code .gitattributes} puts through {@code filter=lfs} goes through LFS (the
 * {@code gitAttributes} the request carries, when the same commit uploads one, else the file at
 * that revision), and so do files over {@value NdjsonCommit#MAX_INLINE_FILE_BYTES} bytes and binary
 * files (a NUL byte in the first 512 bytes the client samples). {@code shouldIgnore} follows the
 * request's {@code gitIgnore} or the repository's {@code .gitignore}; {@code oid} is the file's current
 * id at that revision (the SHA-256 of an LFS file, else the Git blob id), which
 * {@code huggingface_hub} compares to skip unchanged files.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfPreuploadController {

    static final int MAX_FILES = 1000;
    private static final int MAX_RULES_BYTES = 1 << 20;

    /** The request body; {@code sample} is base64 of the file's first 512 bytes. */
    record PreuploadRequest(List<FileSpec> files, String gitAttributes, String gitIgnore) {
    }

    record FileSpec(String path, Long size, String sample) {
    }

    private final HfRepos hf;
    private final RepoFiles repoFiles;

    HfPreuploadController(HfRepos hf, RepoFiles repoFiles) {
        this.hf = hf;
        this.repoFiles = repoFiles;
    }

    @Operation(summary = "Which files to upload through LFS",
            description = "Answers {files: [{path, uploadMode: lfs|regular, shouldIgnore, oid?}]}.")
    @PostMapping("/api/{type:models|datasets|tools}/{owner}/{name}/preupload/{revision}")
    Map<String, Object> preupload(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable String revision, @RequestBody(required = false) PreuploadRequest body,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        if (body == null || body.files() == null || body.files().isEmpty()) {
            throw HfError.badRequest("Send {\"files\": [{\"path\", \"size\", \"sample\"}, …]}.");
        }
        if (body.files().size() > MAX_FILES) {
            throw HfError.badRequest("At most " + MAX_FILES + " files per preupload request; got "
                    + body.files().size() + ".");
        }
        // A branch that does not exist yet (the first commit, a new PR) has no files: nothing to read.
        Optional<ResolvedRevision> at = existing(repo, revision);
        UploadRules rules = UploadRules.of(
                body.gitAttributes() != null ? body.gitAttributes() : read(repo, at, ".gitattributes"),
                body.gitIgnore() != null ? body.gitIgnore() : read(repo, at, ".gitignore"));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (FileSpec file : body.files()) {
            answers.add(answer(file, rules, repo, at));
        }
        return Map.of("files", answers);
    }

    private Optional<ResolvedRevision> existing(Repo repo, String revision) {
        try {
            return repoFiles.resolve(repo, revision);
        } catch (NotFoundException | InvalidInputException e) {
            return Optional.empty();
        }
    }

    private String read(Repo repo, Optional<ResolvedRevision> at, String path) {
        return at.flatMap(rev -> repoFiles.readText(repo, rev, path, MAX_RULES_BYTES)).orElse(null);
    }

    private Map<String, Object> answer(FileSpec file, UploadRules rules, Repo repo, Optional<ResolvedRevision> at) {
        if (file == null || file.path() == null || file.size() == null || file.size() < 0) {
            throw HfError.badRequest("Every file needs a path and a size in bytes.");
        }
        String path;
        try {
            path = GitPaths.normalizeFile(file.path());
        } catch (GitInvalidInputException e) {
            throw HfError.badRequest("Unusable path '" + file.path() + "': " + e.getMessage() + ".");
        }
        boolean lfs = rules.lfs(path) || file.size() > NdjsonCommit.MAX_INLINE_FILE_BYTES || isBinary(file.sample());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", path);
        json.put("uploadMode", lfs ? "lfs" : "regular");
        json.put("shouldIgnore", rules.ignored(path));
        at.flatMap(rev -> repoFiles.entry(repo, rev, path))
                .filter(entry -> entry.kind() == TreeEntry.Kind.FILE)
                .ifPresent(entry -> json.put("oid", entry.lfs().map(p -> p.oid().hex()).orElse(entry.id().name())));
        return json;
    }

    private static boolean isBinary(String sample) {
        if (sample == null) {
            return false;
        }
        try {
            for (byte b : Base64.getDecoder().decode(sample)) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            throw HfError.badRequest("A file's sample is not valid base64.");
        }
    }
}
