package dev.adapthub.web.hf;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoSummary;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.read.CommitInfo;
import dev.adapthub.git.read.TreeEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes the Hugging Face clients parse, built from the hub's own values. */
final class HfShapes {

    /** Hugging Face's own format, milliseconds and Z, which older Python clients parse strictly. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private HfShapes() {
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** A tree or paths-info entry: {@code {type, oid, size, path, lfs?, lastCommit?}}. */
    static Map<String, Object> entry(TreeEntry entry, CommitInfo lastCommit) {
        Map<String, Object> json = new LinkedHashMap<>();
        boolean folder = entry.kind() == TreeEntry.Kind.FOLDER;
        json.put("type", folder ? "directory" : "file");
        json.put("oid", entry.id().name());
        json.put("size", folder ? 0 : entry.contentSize());
        entry.lfs().ifPresent(lfs -> json.put("lfs", Map.of("oid", lfs.oid().hex(), "size", lfs.size(),
                "pointerSize", entry.size())));
        json.put("path", entry.path());
        if (lastCommit != null) {
            json.put("lastCommit", Map.of("id", lastCommit.id().name(), "title", lastCommit.subject(),
                    "date", date(lastCommit.committer().when())));
        }
        return json;
    }

    /** A {@code siblings} entry as the Hub lists it by default: {@code {rfilename}}. */
    static Map<String, Object> sibling(String path) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rfilename", path);
        return json;
    }

    /** A repository info's {@code siblings} entry with {@code blobs=true}: {@code {rfilename, size, blobId, lfs?}}. */
    static Map<String, Object> sibling(TreeEntry entry) {
        Map<String, Object> json = sibling(entry.path());
        json.put("size", entry.contentSize());
        json.put("blobId", entry.id().name());
        entry.lfs().ifPresent((LfsPointerFile lfs) -> json.put("lfs", Map.of("sha256", lfs.oid().hex(),
                "size", lfs.size(), "pointerSize", entry.size())));
        return json;
    }

    /** One commit of {@code /commits/{rev}}: {@code {id, title, message, authors[{user}], date}}. */
    static Map<String, Object> commit(CommitInfo commit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", commit.id().name());
        json.put("title", commit.subject());
        json.put("message", commit.message());
        json.put("authors", List.of(Map.of("user", commit.author().name())));
        json.put("date", date(commit.committer().when()));
        return json;
    }

    /**
     * The fields of a repository listing or info; {@code sha} and {@code siblings} are added by
     * the info endpoint, which reads Git.
     */
    static Map<String, Object> repo(Repo repo) {
        RepoSummary summary = repo.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("_id", Long.toString(repo.id()));
        json.put("id", repo.fullName());
        if (repo.kind() == dev.adapthub.core.repo.RepoKind.MODEL) {
            json.put("modelId", repo.fullName());
        }
        json.put("author", repo.owner());
        json.put("private", repo.isPrivate());
        json.put("gated", repo.gated().apiValue());
        json.put("disabled", false);
        json.put("discussionsDisabled", repo.discussionsDisabled());
        // downloads: the last 30 days, as the Hub reports them; trendingScore: DownloadCounter and Popularity.
        json.put("downloads", repo.popularity().downloads());
        json.put("downloadsAllTime", repo.popularity().downloadsAll());
        json.put("likes", repo.popularity().likes());
        json.put("trendingScore", repo.popularity().trending());
        json.put("tags", tags(summary));
        putIfSet(json, "pipeline_tag", summary.pipelineTag());
        putIfSet(json, "library_name", summary.library());
        json.put("createdAt", date(repo.createdAt()));
        Instant modified = summary.lastCommitAt() != null ? summary.lastCommitAt() : repo.updatedAt();
        json.put("lastModified", date(modified));
        json.put("cardData", cardData(summary));
        // The default branch's tip as last indexed; repository info replaces it with the revision's commit.
        putIfSet(json, "sha", summary.lastCommitId());
        // The Python client downloads through Xet when a repository says so; this hub speaks LFS only.
        json.put("xetEnabled", false);
        json.put("usedStorage", summary.totalBytes());
        return json;
    }

    private static List<String> tags(RepoSummary summary) {
        List<String> tags = new ArrayList<>(summary.tags());
        if (summary.library() != null && !tags.contains(summary.library())) {
            tags.add(summary.library());
        }
        if (summary.license() != null) {
            tags.add("license:" + summary.license());
        }
        return tags;
    }

    private static Map<String, Object> cardData(RepoSummary summary) {
        Map<String, Object> card = new LinkedHashMap<>();
        putIfSet(card, "license", summary.license());
        putIfSet(card, "pipeline_tag", summary.pipelineTag());
        putIfSet(card, "library_name", summary.library());
        putIfSet(card, "base_model", summary.baseModel());
        if (!summary.tags().isEmpty()) {
            card.put("tags", summary.tags());
        }
        return card;
    }

    private static void putIfSet(Map<String, Object> json, String key, String value) {
        if (value != null && !value.isBlank()) {
            json.put(key, value);
        }
    }

    /** Keeps only the {@code expand}ed fields (with {@code _id} and {@code id}), when any are asked for. */
    static Map<String, Object> expand(Map<String, Object> json, List<String> expand) {
        if (expand == null || expand.isEmpty()) {
            return json;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("_id", json.get("_id"));
        kept.put("id", json.get("id"));
        for (String field : expand) {
            if (json.containsKey(field)) {
                kept.put(field, json.get(field));
            }
        }
        return kept;
    }
}
