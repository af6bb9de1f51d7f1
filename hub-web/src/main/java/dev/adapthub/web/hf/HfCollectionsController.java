package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.collection.CollectionExistsException;
import dev.adapthub.core.collection.CollectionQuery;
import dev.adapthub.core.collection.CollectionService;
import dev.adapthub.core.collection.CollectionView;
import dev.adapthub.core.collection.NewCollection;
import dev.adapthub.core.namespace.NamespaceKind;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Collections where the Hugging Face clients call them: {@code createCollection}/{@code create_collection},
 * {@code collectionInfo}/{@code get_collection}, {@code listCollections}/{@code list_collections},
 * {@code addCollectionItem}/{@code add_collection_item}, {@code deleteCollectionItem}/
 * {@code delete_collection_item}, {@code deleteCollection}/{@code delete_collection}. Items are this
 * hub's repositories (models, datasets, tools); Spaces and papers do not exist here.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfCollectionsController {

    static final String ONE = "/api/collections/{namespace}/{slug}";

    /** {@code {type: model|dataset|tool, id: owner/name}}. */
    record ItemRef(String type, String id) {
    }

    record ItemBody(ItemRef item, String note) {
    }

    private final CollectionService collections;
    private final NamespaceService namespaces;
    private final HfRepos hf;

    HfCollectionsController(CollectionService collections, NamespaceService namespaces, HfRepos hf) {
        this.collections = collections;
        this.namespaces = namespaces;
        this.hf = hf;
    }

    @Operation(summary = "Create a collection ({title, namespace, description?, private?, item?})")
    @PostMapping("/api/collections")
    Map<String, Object> create(@RequestBody(required = false) Map<String, Object> body,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        ApiAuth.requireWrite(user);
        if (body == null) {
            throw HfError.badRequest("Send {\"title\": ..., \"namespace\": ...}.");
        }
        Object isPrivate = body.getOrDefault("private", false);
        if (!(isPrivate instanceof Boolean)) {
            throw HfError.badRequest("private is true or false, not " + isPrivate + ".");
        }
        NewCollection newCollection = new NewCollection(text(body, "namespace"), text(body, "title"),
                text(body, "description"), (Boolean) isPrivate);
        Account actor = hf.account(user);
        CollectionView created;
        if (body.get("item") != null) {
            Repo repo = itemRepo(itemRef(body.get("item")), user);
            created = collections.createWith(actor, newCollection, repo.kind(), repo.owner(), repo.name(), null);
        } else {
            created = collections.create(actor, newCollection);
        }
        return json(created, request);
    }

    @Operation(summary = "A collection with the items the caller may read")
    @GetMapping(ONE)
    Map<String, Object> get(@PathVariable String namespace, @PathVariable String slug,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        return json(collections.get(namespace + "/" + slug, hf.account(user)), request);
    }

    @Operation(summary = "Collections, most recently updated first (owner=, item=models/owner/name, q=, limit= up to 100)")
    @GetMapping("/api/collections")
    List<Map<String, Object>> list(@RequestParam(name = "owner", required = false) List<String> owners,
            @RequestParam(name = "item", required = false) List<String> items,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "limit", required = false) Integer limit,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        if (sort != null && !List.of("lastModified", "trending", "upvotes").contains(sort)) {
            throw HfError.badRequest("sort is lastModified, trending or upvotes (the hub has no upvotes: all three"
                    + " list the most recently updated first).");
        }
        if (limit != null && limit < 1) {
            throw HfError.badRequest("limit is a positive number (at most " + CollectionQuery.MAX_LIMIT + ").");
        }
        if (items != null && items.size() > 1) {
            throw HfError.badRequest("Filter by one item at a time: item=models/owner/name.");
        }
        RepoKind kind = null;
        String[] address = null;
        if (items != null && !items.isEmpty()) {
            address = items.get(0).split("/");
            kind = address.length == 3 ? HfRepos.kind(address[0]).orElse(null) : null;
            if (kind == null) {
                // Spaces, papers and malformed items are never in this hub's collections.
                return List.of();
            }
        }
        CollectionQuery query = new CollectionQuery(owners, kind, kind == null ? null : address[1],
                kind == null ? null : address[2], text, limit == null ? 0 : limit);
        return collections.list(query, hf.account(user)).stream().map(view -> json(view, request)).toList();
    }

    @Operation(summary = "Add a repository ({item: {type, id}, note?}); answers the collection")
    @PostMapping(ONE + "/items")
    Map<String, Object> addItem(@PathVariable String namespace, @PathVariable String slug,
            @RequestBody(required = false) ItemBody body, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        ApiAuth.requireWrite(user);
        if (body == null || body.item() == null) {
            throw HfError.badRequest("Send {\"item\": {\"type\": \"model\", \"id\": \"owner/name\"}, \"note\": ...}.");
        }
        // The collection first: a caller who may not see it learns nothing about the item.
        collections.get(namespace + "/" + slug, hf.account(user));
        Repo repo = itemRepo(body.item(), user);
        return json(collections.addItem(hf.account(user), namespace + "/" + slug, repo.kind(), repo.owner(),
                repo.name(), body.note()), request);
    }

    @Operation(summary = "Remove an item by its _id (not the repository's name)")
    @DeleteMapping(ONE + "/items/{itemId}")
    Map<String, Object> removeItem(@PathVariable String namespace, @PathVariable String slug,
            @PathVariable String itemId, @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        collections.removeItem(hf.account(user), namespace + "/" + slug, itemId);
        return Map.of();
    }

    @Operation(summary = "Delete a collection (its repositories stay)")
    @DeleteMapping(ONE)
    Map<String, Object> delete(@PathVariable String namespace, @PathVariable String slug,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        collections.delete(hf.account(user), namespace + "/" + slug);
        return Map.of();
    }

    /** The Hub answers a taken title with 409 and the existing collection's slug (create_collection(exists_ok)). */
    @ExceptionHandler(CollectionExistsException.class)
    ResponseEntity<Map<String, Object>> exists(CollectionExistsException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> error = HfErrorAdvice.error(request, HttpStatus.CONFLICT, null,
                e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).headers(error.getHeaders())
                .body(Map.of("error", e.getMessage(), "slug", e.slug()));
    }

    private Map<String, Object> json(CollectionView view, HttpServletRequest request) {
        NamespaceKind kind = namespaces.find(view.collection().owner()).map(n -> n.kind()).orElse(NamespaceKind.USER);
        return HfCollectionShapes.collection(view, kind,
                ServletUriComponentsBuilder.fromContextPath(request).toUriString());
    }

    private Repo itemRepo(ItemRef item, HubUser user) {
        if (item.type() == null || item.id() == null || item.id().split("/", -1).length != 2) {
            throw HfError.badRequest("An item is {\"type\": \"model\"|\"dataset\"|\"tool\", \"id\": \"owner/name\"}.");
        }
        if (HfRepos.kind(item.type() + "s").isEmpty()) {
            throw HfError.badRequest("This hub's collections hold models, datasets and tools, not " + item.type()
                    + "s.");
        }
        String[] id = item.id().split("/");
        return hf.repo(item.type() + "s", id[0], id[1], user);
    }

    private static ItemRef itemRef(Object value) {
        if (value instanceof Map<?, ?> map && map.get("type") instanceof String type
                && map.get("id") instanceof String id) {
            return new ItemRef(type, id);
        }
        throw HfError.badRequest("item is {\"type\": \"model\"|\"dataset\"|\"tool\", \"id\": \"owner/name\"}.");
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw HfError.badRequest(key + " is a string.");
    }
}
