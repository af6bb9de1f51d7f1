package dev.adapthub.web.browse;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.GitException;
import dev.adapthub.git.http.FileSender;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsStore;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.read.BlobContent;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * File downloads at {@code /{repo}/resolve/{rev}/{path}} (the content: LFS files from the LFS
 * store) and {@code /{repo}/raw/{rev}/{path}} (the blob as stored in Git: the pointer file of an LFS
 * file, as Hugging Face serves it; {@code fileExists} and {@code raw} downloads use it), with the headers the Hugging Face
 * clients read: {@code X-Repo-Commit}, {@code ETag} (the blob id, or the SHA-256 for LFS files, with
 * {@code X-Linked-Etag} and {@code X-Linked-Size}), single {@code Range} requests and
 * {@code If-None-Match}. Errors carry {@code X-Error-Code} (RepoNotFound, RevisionNotFound,
 * EntryNotFound) and {@code X-Error-Message}.
 * <p>
 * With LFS objects in a bucket, {@code /resolve} of an LFS file answers 302 to a presigned link
 * ({@link LfsRedirect}), the headers above on that first answer.
 * <p>
 * Content is never served as HTML: text is {@code text/plain} with {@code nosniff}, so a user's file
 * cannot run as a page of the hub.
 */
@Controller
class RawFileController {

    /** The file whose downloads count as the repository's ({@link DownloadCounter}). */
    static final String COUNTED_FILE = "config.json";

    private final RepoLocator locator;
    private final RepoFiles files;
    private final RepoService repos;
    private final CurrentAccount current;
    private final LfsStores lfs;
    private final RepoSettingsService settings;
    private final DownloadCounter counter;

    RawFileController(RepoLocator locator, RepoFiles files, RepoService repos, CurrentAccount current,
            LfsStores lfs, RepoSettingsService settings, DownloadCounter counter) {
        this.settings = settings;
        this.counter = counter;
        this.locator = locator;
        this.files = files;
        this.repos = repos;
        this.current = current;
        this.lfs = lfs;
    }

    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = {"/{owner}/{name}/resolve/**",
            "/datasets/{owner}/{name}/resolve/**", "/tools/{owner}/{name}/resolve/**"})
    void resolve(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        download(owner, name, user, request, response, false);
    }

    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = {"/{owner}/{name}/raw/**",
            "/datasets/{owner}/{name}/raw/**", "/tools/{owner}/{name}/raw/**"})
    void raw(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        download(owner, name, user, request, response, true);
    }

    private void download(String owner, String name, HubUser user, HttpServletRequest request,
            HttpServletResponse response, boolean raw) throws IOException {
        Account viewer = current.of(user);
        Repo repo;
        Located at;
        BlobContent blob;
        try {
            repo = locator.repo(request, owner, name, viewer);
        } catch (NotFoundException e) {
            // Anonymous: 401, as the Hub answers, so the clients say "log in" and existence stays hidden.
            error(response, viewer == null ? 401 : 404, "RepoNotFound", e);
            return;
        }
        if (RawGate.refused(settings, repo, viewer, response)) {
            return;
        }
        try {
            at = locator.locate(repo, RepoLocator.rest(request), 1);
        } catch (NotFoundException e) {
            error(response, 404, "RevisionNotFound", e);
            return;
        } catch (InvalidInputException e) {
            error(response, 422, null, e);
            return;
        }
        try {
            blob = files.open(repo, at.at(), at.path());
        } catch (NotFoundException e) {
            // huggingface_hub caches "not at this commit" under the commit this header names.
            response.setHeader("X-Repo-Commit", at.at().commitId().name());
            error(response, 404, "EntryNotFound", e);
            return;
        } catch (InvalidInputException e) {
            error(response, 422, null, e);
            return;
        }
        if (!raw && COUNTED_FILE.equals(at.path())) {
            // The Hub's rule: every GET or HEAD of the top-level config.json is a download of the repository.
            counter.repository(repo.id(), request.getHeader("User-Agent"));
        }
        response.setHeader("X-Repo-Commit", at.at().commitId().name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<LfsPointerFile> pointer = blob.entry().lfs();
        if (pointer.isPresent() && !raw) {
            serveLfs(repo, blob, pointer.get(), request, response);
        } else {
            String etag = quote(blob.entry().id().name());
            Body body = new Body(blob.size(), null, blob::openStream);
            serve(request, response, etag, body, blob.binary(), blob.entry().name());
        }
    }

    private void serveLfs(Repo repo, BlobContent blob, LfsPointerFile pointer, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        LfsObjectStore store = lfs.forRepository(repos.storageOf(repo));
        OptionalLong stored;
        try {
            stored = store.size(pointer.oid());
        } catch (GitException e) {
            throw new IllegalStateException("could not read LFS object " + pointer.oid(), e);
        }
        if (stored.isEmpty()) {
            error(response, 404, "EntryNotFound", new NotFoundException("The LFS object of '" + blob.entry().path()
                    + "' was never uploaded; push it with 'git lfs push --all'."));
            return;
        }
        String etag = quote(pointer.oid().hex());
        response.setHeader("X-Linked-Etag", etag);
        response.setHeader("X-Linked-Size", Long.toString(pointer.size()));
        if (LfsRedirect.sent(store, pointer.oid(), blob.entry().name(), etag, request, response)) {
            return;
        }
        // A file on this host goes out with sendfile; another store streams through the JVM.
        Path file = store instanceof LfsStore local ? local.path(pointer.oid()) : null;
        Body body = new Body(stored.getAsLong(), file, () -> {
            try {
                return store.open(pointer.oid());
            } catch (GitException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
        serve(request, response, etag, body, true, blob.entry().name());
    }

    /** The bytes to send: a size known up front, the file holding them (null when none) and a fresh stream per request. */
    private record Body(long size, Path file, FileSender.Opener opener) {
    }

    private static void serve(HttpServletRequest request, HttpServletResponse response, String etag, Body body,
            boolean binary, String fileName) throws IOException {
        if (binary) {
            response.setContentType("application/octet-stream");
            response.setHeader("Content-Disposition",
                    ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        } else {
            response.setContentType("text/plain;charset=UTF-8");
        }
        FileSender.send(request, response, etag, body.size(), body.file(), body.opener());
    }

    static void error(HttpServletResponse response, int status, String code, HubException e) throws IOException {
        response.setStatus(status);
        if (code != null) {
            response.setHeader("X-Error-Code", code);
        }
        String message = e.getMessage();
        // Header values must be ASCII; the body keeps the full message.
        response.setHeader("X-Error-Message", message.replaceAll("[^\\x20-\\x7E]", "?"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
