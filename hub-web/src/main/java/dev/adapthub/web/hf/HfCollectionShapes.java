package dev.adapthub.web.hf;

import dev.adapthub.core.collection.CollectionItem;
import dev.adapthub.core.collection.CollectionView;
import dev.adapthub.core.collection.RepoCollection;
import dev.adapthub.core.namespace.NamespaceKind;
import dev.adapthub.core.repo.Repo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A collection as the Hub answers it ({@code ApiCollectionInfo} of the JavaScript client, the
 * {@code Collection} and {@code CollectionItem} of the Python client): slug, title, owner, items
 * with {@code _id}, {@code type}, {@code id}, {@code position} and {@code note{text, html}}.
 */
final class HfCollectionShapes {

    private HfCollectionShapes() {
    }

    static Map<String, Object> collection(CollectionView view, NamespaceKind ownerKind, String baseUrl) {
        RepoCollection c = view.collection();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("_id", c.objectId());
        json.put("slug", c.slug());
        json.put("title", c.title());
        if (c.description() != null) {
            json.put("description", c.description());
        }
        json.put("lastUpdated", HfShapes.date(c.updatedAt()));
        json.put("gating", false);
        json.put("owner", owner(c.owner(), ownerKind));
        List<Map<String, Object>> items = new ArrayList<>();
        for (CollectionView.Entry entry : view.items()) {
            items.add(item(entry.item(), entry.repo()));
        }
        json.put("items", items);
        json.put("numberItems", view.totalItems());
        json.put("theme", "orange");
        json.put("private", c.isPrivate());
        json.put("upvotes", 0);
        json.put("isUpvotedByUser", false);
        json.put("position", 0);
        json.put("shareUrl", baseUrl + "/collections/" + c.slug());
        return json;
    }

    private static Map<String, Object> owner(String name, NamespaceKind kind) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("fullname", name);
        json.put("avatarUrl", "");
        json.put("type", kind == NamespaceKind.ORGANIZATION ? "org" : "user");
        json.put("isHf", false);
        json.put("isHfAdmin", false);
        json.put("isMod", false);
        return json;
    }

    static Map<String, Object> item(CollectionItem item, Repo repo) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("_id", item.objectId());
        json.put("type", repo.kind().apiName());
        json.put("repoType", repo.kind().apiName());
        json.put("id", repo.fullName());
        json.put("position", item.position());
        if (item.note() != null) {
            json.put("note", Map.of("text", item.note(), "html", HtmlUtils.htmlEscape(item.note())));
        }
        json.put("author", repo.owner());
        json.put("private", repo.isPrivate());
        json.put("gated", repo.gated().apiValue());
        json.put("lastModified", HfShapes.date(repo.summary().lastCommitAt() != null ? repo.summary().lastCommitAt()
                : repo.updatedAt()));
        json.put("likes", repo.popularity().likes());
        json.put("downloads", repo.popularity().downloads());
        json.put("isLikedByUser", false);
        return json;
    }
}
