package dev.adapthub.web.hf;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
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
 * commit ({@code regular}) or through LFS ({@code lfs}): files over
 * {@value NdjsonCommit#MAX_INLINE_FILE_BYTES} bytes and binary files (a NUL byte in the first
 * 512 bytes the client samples) go through LFS, as on Hugging Face.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfPreuploadController {

    static final int MAX_FILES = 1000;

    /** The request body; {@code sample} is base64 of the file's first 512 bytes. */
    record PreuploadRequest(List<FileSpec> files, String gitAttributes) {
    }

    record FileSpec(String path, Long size, String sample) {
    }

    private final HfRepos hf;

    HfPreuploadController(HfRepos hf) {
        this.hf = hf;
    }

    @Operation(summary = "Which files to upload through LFS",
            description = "Answers {files: [{path, uploadMode: lfs|regular, shouldIgnore}]}.")
    @PostMapping("/api/{type:models|datasets|tools}/{owner}/{name}/preupload/{revision}")
    Map<String, Object> preupload(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable String revision, @RequestBody(required = false) PreuploadRequest body,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        hf.repo(type, owner, name, user);
        if (body == null || body.files() == null || body.files().isEmpty()) {
            throw HfError.badRequest("Send {\"files\": [{\"path\", \"size\", \"sample\"}, …]}.");
        }
        if (body.files().size() > MAX_FILES) {
            throw HfError.badRequest("At most " + MAX_FILES + " files per preupload request; got "
                    + body.files().size() + ".");
        }
        List<Map<String, Object>> answers = body.files().stream().map(HfPreuploadController::answer).toList();
        return Map.of("files", answers);
    }

    private static Map<String, Object> answer(FileSpec file) {
        if (file == null || file.path() == null || file.size() == null || file.size() < 0) {
            throw HfError.badRequest("Every file needs a path and a size in bytes.");
        }
        String path;
        try {
            path = GitPaths.normalizeFile(file.path());
        } catch (GitInvalidInputException e) {
            throw HfError.badRequest("Unusable path: " + e.getMessage() + ".");
        }
        boolean lfs = file.size() > NdjsonCommit.MAX_INLINE_FILE_BYTES || isBinary(file.sample());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", path);
        json.put("uploadMode", lfs ? "lfs" : "regular");
        json.put("shouldIgnore", false);
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
