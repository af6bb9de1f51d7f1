package dev.adapthub.web.adaptation;

import dev.adapthub.core.adaptation.AdaptationDownloads;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.adaptation.ValidatedConfig;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Validated configs for programs: {@code GET /{repo}/adaptations/{chip}/{file}?format=…&revision=…}
 * (the file exactly as validated at the index row's commit, as hub YAML or in the engine's form),
 * {@code …/bundle} (zip with report and provenance) and {@code …/report.json}. Every answer names
 * the validated commit ({@code X-Repo-Commit}), has an {@code ETag} and links the report. Errors
 * are one line of text with the domain's status: 404 for an unknown chip, file or private
 * repository, 422 for an unknown format or a config that did not pass.
 */
@Controller
class AdaptationDownloadController {

    private final RepoService repos;
    private final CurrentAccount current;
    private final AdaptationIndex index;
    private final AdaptationDownloads downloads;
    private final DownloadCounter counter;

    AdaptationDownloadController(RepoService repos, CurrentAccount current, AdaptationIndex index,
            AdaptationDownloads downloads, DownloadCounter counter) {
        this.counter = counter;
        this.repos = repos;
        this.current = current;
        this.index = index;
        this.downloads = downloads;
    }

    @GetMapping("/{owner}/{name}/adaptations/{chip}/{file}")
    ResponseEntity<byte[]> download(@PathVariable String owner, @PathVariable String name, @PathVariable String chip,
            @PathVariable String file, @RequestParam(required = false) String format,
            @RequestParam(required = false) String revision, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        Repo repo = repos.get(RepoKind.MODEL, owner, name, current.of(user));
        return send(downloads.download(repo, chip, file, format, revision, endpoint(request)), repo, chip, file, request);
    }

    @GetMapping("/{owner}/{name}/adaptations/{chip}/{file}/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable String owner, @PathVariable String name, @PathVariable String chip,
            @PathVariable String file, @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        Repo repo = repos.get(RepoKind.MODEL, owner, name, current.of(user));
        return send(downloads.bundle(repo, chip, file, endpoint(request)), repo, chip, file, request);
    }

    /**
     * The hub's address as this client reached it (the public one behind a proxy when forwarded headers
     * are honoured): the engine exports point HF_ENDPOINT at it.
     */
    static String endpoint(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }

    @GetMapping(path = "/{owner}/{name}/adaptations/{chip}/{file}/report.json")
    ResponseEntity<byte[]> reportJson(@PathVariable String owner, @PathVariable String name,
            @PathVariable String chip, @PathVariable String file, @AuthenticationPrincipal HubUser user) {
        Repo repo = repos.get(RepoKind.MODEL, owner, name, current.of(user));
        AdaptationValidation v = downloads.validation(repo, chip, file);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Repo-Commit", v.commitId())
                .header("X-Report-Digest", v.reportDigest()).eTag("\"" + v.reportDigest().replace("sha256:", "") + "\"")
                .body(v.reportJson().getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> send(ValidatedConfig config, Repo repo, String chip, String file,
            HttpServletRequest request) {
        String etag = config.etag();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        ResponseEntity.BodyBuilder builder = ifNoneMatch != null && ifNoneMatch.contains(etag)
                ? ResponseEntity.status(HttpStatus.NOT_MODIFIED) : ResponseEntity.ok();
        builder.eTag(etag).header("X-Repo-Commit", config.validation().commitId())
                .header("X-Report-Digest", config.validation().reportDigest())
                .header(HttpHeaders.LINK, "</" + repo.urlPath() + "/adaptations/" + chip + "/" + file
                        + "/report>; rel=\"describedby\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(config.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(config.contentType() + (config.contentType().startsWith("application/zip")
                        ? "" : ";charset=utf-8")));
        if (index.isStale(config.validation())) {
            builder.header("X-Adaptation-Stale", "true");
        }
        // Every validated-config download counts, for the config and its repository (docs/operations.md).
        counter.config(repo.id(), config.validation().path(), request.getHeader(HttpHeaders.USER_AGENT));
        return ifNoneMatch != null && ifNoneMatch.contains(etag) ? builder.build() : builder.body(config.content());
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(HubException.class)
    @ResponseBody
    ResponseEntity<String> error(HubException e) {
        return ResponseEntity.status(HubStatus.of(e)).contentType(MediaType.TEXT_PLAIN)
                .header("X-Error-Message", e.getMessage().replaceAll("[^\\x20-\\x7E]", "?"))
                .body(e.getMessage() + "\n");
    }
}
