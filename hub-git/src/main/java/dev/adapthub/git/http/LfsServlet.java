package dev.adapthub.git.http;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitTooLargeException;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsStore;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.store.RepoId;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Git LFS over HTTP for {@code {repo}.git/info/lfs/...}: the batch API ({@code objects/batch}),
 * basic transfer of objects ({@code GET}/{@code PUT objects/{oid}}) and {@code objects/verify}.
 * Reads need the repository to be visible through {@link RepositoryLookup}; uploads and verify
 * also need {@link WriteAccess}. Every error is an LFS JSON error body
 * ({@code {"message": …}}, {@code application/vnd.git-lfs+json}); no stack traces leave.
 * Action hrefs are absolute, built from the request URL (so the container must see the public
 * scheme and host, e.g. via forwarded headers behind a proxy).
 */
public final class LfsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LfsServlet.class);
    static final String LFS_JSON = "application/vnd.git-lfs+json";
    static final String MARKER = "/info/lfs/";
    private static final int MAX_BATCH_BODY = 1 << 20;

    private final transient LfsStores stores;
    private final transient RepositoryLookup lookup;
    private final transient WriteAccess writeAccess;
    private final transient UploadLinks uploadLinks;
    private final transient Gson gson = new Gson();

    public LfsServlet(LfsStores stores, RepositoryLookup lookup, WriteAccess writeAccess) {
        this(stores, lookup, writeAccess, UploadLinks.UNSIGNED);
    }

    public LfsServlet(LfsStores stores, RepositoryLookup lookup, WriteAccess writeAccess, UploadLinks uploadLinks) {
        this.uploadLinks = Objects.requireNonNull(uploadLinks, "uploadLinks");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.writeAccess = Objects.requireNonNull(writeAccess, "writeAccess");
    }

    /** True when {@code pathInfo} addresses the LFS API rather than Git. */
    static boolean isLfsPath(String pathInfo) {
        return pathInfo != null && pathInfo.contains(MARKER);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        int at = path == null ? -1 : path.indexOf(MARKER);
        if (at < 0) {
            error(res, 404, "not a Git LFS URL");
            return;
        }
        Optional<RepoId> repo = lookup.find(req, RepoNames.fromPath(path.substring(0, at)));
        if (repo.isEmpty()) {
            if (req.getRemoteUser() == null) {
                unauthorized(res);
            } else {
                error(res, 404, "repository not found");
            }
            return;
        }
        String rest = path.substring(at + MARKER.length());
        LfsObjectStore store = stores.forRepository(repo.get());
        try {
            String method = req.getMethod();
            if (rest.equals("objects/batch") && method.equals("POST")) {
                batch(req, res, repo.get(), store);
            } else if (rest.equals("objects/verify") && method.equals("POST")) {
                // Verify only reads (is the object there, with this size?): any authenticated reader.
                if (req.getRemoteUser() == null) {
                    unauthorized(res);
                } else {
                    verify(req, res, store);
                }
            } else if (rest.startsWith("objects/") && method.equals("GET")) {
                download(req, res, store, LfsOid.parse(rest.substring("objects/".length())));
            } else if (rest.startsWith("objects/") && method.equals("PUT")) {
                if (mayWrite(req, res, repo.get())) {
                    store.put(LfsOid.parse(rest.substring("objects/".length())), req.getContentLengthLong(),
                            req.getInputStream());
                    res.setStatus(200);
                }
            } else if (rest.startsWith("locks")) {
                error(res, 404, "file locking is not supported by this hub");
            } else {
                error(res, 404, "no such Git LFS endpoint");
            }
        } catch (GitInvalidInputException e) {
            error(res, 422, e.getMessage());
        } catch (GitTooLargeException e) {
            error(res, 413, e.getMessage());
        } catch (GitNotFoundException e) {
            error(res, 404, e.getMessage());
        } catch (GitException e) {
            LOG.error("LFS request {} {} failed", req.getMethod(), path, e);
            error(res, 500, "the hub could not complete this LFS request; try again later");
        }
    }

    private void batch(HttpServletRequest req, HttpServletResponse res, RepoId repo, LfsObjectStore store)
            throws IOException, GitException {
        LfsBatch.Request request;
        try (Reader body = new InputStreamReader(limited(req.getInputStream()), StandardCharsets.UTF_8)) {
            request = gson.fromJson(body, LfsBatch.Request.class);
            LfsBatch.validate(request);
        } catch (JsonParseException e) {
            error(res, 422, "the batch request is not valid JSON of the Git LFS batch API");
            return;
        } catch (LfsBatch.InvalidRequest e) {
            error(res, 422, e.getMessage());
            return;
        }
        if (request.operation.equals("upload") && !mayUpload(req, res, repo, request.refName())) {
            return;
        }
        if (request.operation.equals("download") && !writeAccess.mayDownload(req, repo)) {
            if (req.getRemoteUser() == null) {
                unauthorized(res);
            } else {
                error(res, 403, "this repository is gated: only those it admits may download its files");
            }
            return;
        }
        String url = req.getRequestURL().toString();
        String objectsUrl = url.substring(0, url.length() - "batch".length());
        json(res, 200, LfsBatch.process(request, store, objectsUrl, req.getHeader("Authorization"),
                href -> uploadLinks.sign(req, href)));
    }

    private void verify(HttpServletRequest req, HttpServletResponse res, LfsObjectStore store)
            throws IOException, GitException {
        LfsBatch.ObjectSpec spec;
        try (Reader body = new InputStreamReader(limited(req.getInputStream()), StandardCharsets.UTF_8)) {
            spec = gson.fromJson(body, LfsBatch.ObjectSpec.class);
        } catch (JsonParseException e) {
            error(res, 422, "the verify request is not valid JSON {oid, size}");
            return;
        }
        if (spec == null || spec.size == null) {
            error(res, 422, "the verify request needs oid and size");
            return;
        }
        OptionalLong size = store.size(LfsOid.parse(spec.oid));
        if (size.isEmpty()) {
            error(res, 404, "object " + spec.oid + " was not uploaded");
        } else if (size.getAsLong() != spec.size) {
            error(res, 422, "object " + spec.oid + " has " + size.getAsLong() + " bytes, not " + spec.size);
        } else {
            res.setStatus(200);
        }
    }

    private static void download(HttpServletRequest req, HttpServletResponse res, LfsObjectStore store, LfsOid oid)
            throws IOException, GitException {
        OptionalLong size = store.size(oid);
        if (size.isEmpty()) {
            throw new GitNotFoundException("object " + oid + " does not exist on the server");
        }
        res.setContentType("application/octet-stream");
        // A file on this host goes out with sendfile; another store streams through the JVM.
        Path file = store instanceof LfsStore local ? local.path(oid) : null;
        FileSender.send(req, res, "\"" + oid.hex() + "\"", size.getAsLong(), file, () -> {
            try {
                return store.open(oid);
            } catch (GitException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    private boolean mayWrite(HttpServletRequest req, HttpServletResponse res, RepoId repo) throws IOException {
        return allowed(req, res, () -> writeAccess.mayWrite(req, repo));
    }

    private boolean mayUpload(HttpServletRequest req, HttpServletResponse res, RepoId repo, String refName)
            throws IOException {
        return allowed(req, res, () -> writeAccess.mayUpload(req, repo, refName));
    }

    private boolean allowed(HttpServletRequest req, HttpServletResponse res, BooleanSupplier check) throws IOException {
        if (req.getRemoteUser() == null) {
            unauthorized(res);
            return false;
        }
        if (!check.getAsBoolean()) {
            error(res, 403, "you may read this repository but not write to it; a pull request's author may"
                    + " upload for pushes to its refs/pr/{n}");
            return false;
        }
        return true;
    }

    private void unauthorized(HttpServletResponse res) throws IOException {
        res.setHeader("LFS-Authenticate", "Basic realm=\"AdaptHub\"");
        res.setHeader("WWW-Authenticate", "Basic realm=\"AdaptHub\"");
        error(res, 401, "credentials required: use your user name and an access token");
    }

    private void error(HttpServletResponse res, int status, String message) throws IOException {
        json(res, status, Map.of("message", message));
    }

    private void json(HttpServletResponse res, int status, Object body) throws IOException {
        byte[] bytes = gson.toJson(body).getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType(LFS_JSON);
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    private static InputStream limited(InputStream in) {
        return new FilterInputStream(in) {
            private long remaining = MAX_BATCH_BODY;

            @Override
            public int read() throws IOException {
                return remaining-- > 0 ? super.read() : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, remaining));
                remaining -= Math.max(n, 0);
                return n;
            }
        };
    }
}
