package dev.adapthub.web.body;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Which {@link BodyLimit} a request gets, from its path, method and content type. Anonymous
 * callers get {@value #ANONYMOUS_BYTES} bytes everywhere (sign-in and sign-up forms, anonymous
 * {@code paths-info} and LFS download batches fit), except the fetch negotiation of
 * {@code git-upload-pack}, which JGit reads line by line as it goes.
 */
@Component
public class BodyLimits {

    static final long ANONYMOUS_BYTES = 64L << 10;
    /** JSON bodies of the API: pull requests with files, preupload, paths-info (the largest legitimate ones are ~200 KB). */
    static final long API_BYTES = 2L << 20;
    /** {@code POST /api/repos/create} may carry the JS client's initial files inline (10 MiB decoded). */
    static final long REPO_CREATE_BYTES = 16L << 20;
    /** The NDJSON commit body, spooled to disk by the endpoint, which uses this as its quota too. */
    public static final long COMMIT_BYTES = 64L << 20;
    /** The LFS batch and verify requests (the LFS servlet reads at most this much). */
    static final long LFS_API_BYTES = 1L << 20;
    /** The wants and haves of a fetch: a few hundred thousand lines. */
    static final long GIT_FETCH_BYTES = 8L << 20;
    /** Ref-update commands before a pushed pack (JGit's own receive.maxCommandBytes is 3 MB). */
    static final long GIT_PUSH_COMMAND_BYTES = 16L << 20;

    private static final Pattern NDJSON_COMMIT = Pattern.compile("/api/(?:models|datasets|tools)/[^/]+/[^/]+/commit/[^/]+");
    private static final Pattern LFS_OBJECT = Pattern.compile(".*/info/lfs/objects/[0-9a-f]{64}");
    private static final String LFS_ADVICE = "Upload large files through Git LFS (git lfs, or the Hugging Face clients,"
            + " which preupload tells which files to send through LFS).";

    private final BodyLimit api;
    private final BodyLimit repoCreate;
    private final BodyLimit commit;
    private final BodyLimit gitFetch;
    private final BodyLimit gitPush;
    private final BodyLimit lfsApi;
    private final BodyLimit lfsUpload;
    private final BodyLimit pageForm;
    private final BodyLimit pageUpload;

    BodyLimits(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formBytes,
            @Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize uploadBytes,
            @Value("${hub.git.max-push-bytes:2147483648}") long pushBytes,
            @Value("${hub.lfs.max-object-bytes:53687091200}") long lfsObjectBytes) {
        api = new BodyLimit("API request", ANONYMOUS_BYTES, API_BYTES, LFS_ADVICE);
        repoCreate = new BodyLimit("repository creation", ANONYMOUS_BYTES, REPO_CREATE_BYTES,
                "Create the repository empty and commit large files through Git LFS.");
        commit = new BodyLimit("NDJSON commit", ANONYMOUS_BYTES, COMMIT_BYTES, LFS_ADVICE);
        gitFetch = new BodyLimit("git fetch negotiation", GIT_FETCH_BYTES, GIT_FETCH_BYTES,
                "Fetch fewer refs at once.");
        // JGit bounds the pack itself (hub.git.max-push-bytes) with a message git shows; this only stops
        // a body that is larger than any allowed push.
        gitPush = new BodyLimit("git push", ANONYMOUS_BYTES, pushBytes + GIT_PUSH_COMMAND_BYTES,
                "Push large files through Git LFS, or push fewer commits at once.");
        lfsApi = new BodyLimit("Git LFS request", ANONYMOUS_BYTES, LFS_API_BYTES, "Ask for fewer objects per batch.");
        // The LFS store bounds an object itself (hub.lfs.max-object-bytes) and answers 413 in the LFS format.
        lfsUpload = new BodyLimit("Git LFS upload", ANONYMOUS_BYTES, lfsObjectBytes + (1L << 20),
                "Split the file; no LFS object may be larger than " + BodyLimit.size(lfsObjectBytes) + ".");
        pageForm = new BodyLimit("form", ANONYMOUS_BYTES, formBytes.toBytes(),
                "Edit large files locally and push them with git.");
        pageUpload = new BodyLimit("upload", ANONYMOUS_BYTES, uploadBytes.toBytes(),
                "Push larger files with git and Git LFS.");
    }

    /** The limit for this request; the path is the raw one, as the request line has it. */
    public BodyLimit of(HttpServletRequest request) {
        String path = path(request);
        if (path.endsWith("/git-upload-pack")) {
            return gitFetch;
        }
        if (path.endsWith("/git-receive-pack")) {
            return gitPush;
        }
        if (path.contains("/info/lfs/")) {
            return "PUT".equals(request.getMethod()) && LFS_OBJECT.matcher(path).matches() ? lfsUpload : lfsApi;
        }
        if (path.startsWith("/api/") || path.equals("/api")) {
            if (NDJSON_COMMIT.matcher(path).matches()) {
                return commit;
            }
            return path.equals("/api/repos/create") ? repoCreate : api;
        }
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") ? pageUpload : pageForm;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** API and Git clients read JSON; people read pages. */
    static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.contains(".git/") || path.contains("/info/lfs/")
                || path.endsWith("/git-upload-pack") || path.endsWith("/git-receive-pack") || path.endsWith("/info/refs");
    }
}
