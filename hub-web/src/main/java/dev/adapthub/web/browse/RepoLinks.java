package dev.adapthub.web.browse;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.git.read.TreeEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/**
 * The browse URLs of one repository, for templates. Every path segment is percent-encoded on its
 * own, so names with spaces, '#', '?' or '%' link correctly; '/' inside a revision stays a
 * separator, which {@link RepoLocator} understands.
 */
public final class RepoLinks {

    private final String base;

    public RepoLinks(Repo repo) {
        this.base = "/" + repo.urlPath();
    }

    public String home() {
        return base;
    }

    public String tree(String revision, String path) {
        return join("tree", revision, path);
    }

    public String blob(String revision, String path) {
        return join("blob", revision, path);
    }

    /**
     * Where a listed entry links: its folder page, its file page (files and symlinks), or nowhere
     * (null) for a submodule, whose commit lives in another repository. One call per row keeps a
     * page of 1,000 entries cheap to render.
     */
    public String entry(String revision, TreeEntry entry) {
        return switch (entry.kind()) {
            case FOLDER -> tree(revision, entry.path());
            case FILE, SYMLINK -> blob(revision, entry.path());
            case SUBMODULE -> null;
        };
    }

    public String resolve(String revision, String path) {
        return join("resolve", revision, path);
    }

    public String commits(String revision) {
        return join("commits", revision, "");
    }

    public String history(String revision, String path) {
        String url = commits(revision);
        return path == null || path.isEmpty() ? url
                : url + "?path=" + UriUtils.encodeQueryParam(path, StandardCharsets.UTF_8);
    }

    public String commit(String sha) {
        return base + "/commit/" + encode(sha);
    }

    public String branches() {
        return base + "/branches";
    }

    public String tags() {
        return base + "/tags";
    }

    public String pulls() {
        return base + "/pulls";
    }

    /** Breadcrumbs of a folder or file path: each ancestor with its tree link, the last one included. */
    public List<Crumb> crumbs(String revision, String path) {
        List<Crumb> crumbs = new ArrayList<>();
        if (path == null || path.isEmpty()) {
            return crumbs;
        }
        StringBuilder sofar = new StringBuilder();
        for (String segment : path.split("/")) {
            if (sofar.length() > 0) {
                sofar.append('/');
            }
            sofar.append(segment);
            crumbs.add(new Crumb(segment, tree(revision, sofar.toString())));
        }
        return crumbs;
    }

    /** One breadcrumb: a folder name and where it links. */
    public record Crumb(String name, String href) {
    }

    private String join(String action, String revision, String path) {
        StringBuilder url = new StringBuilder(base).append('/').append(action).append('/').append(encode(revision));
        if (path != null && !path.isEmpty()) {
            url.append('/').append(encode(path));
        }
        return url.toString();
    }

    /** Encodes each '/'-separated segment; the separators stay. */
    static String encode(String path) {
        return Arrays.stream(path.split("/", -1))
                .map(segment -> UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
