package dev.adapthub.core.collection;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.namespace.Names;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoAccess;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collections of repositories. A public collection is seen by everyone, a private one by those who
 * may read its owner's private repositories; anyone who may write under the owner edits it. Items
 * are repositories, shown only to callers who may read them, so a private repository never leaks
 * through a public collection.
 */
@Service
public class CollectionService {

    /** Items a listing shows per collection, as the Hub's listing does. */
    public static final int LISTING_ITEMS = 4;
    public static final int MAX_ITEMS = 1000;

    private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

    private final RepoCollections collections;
    private final CollectionItems items;
    private final RepoService repos;
    private final RepoAccess access;
    private final NamespaceService namespaces;
    private final OrganizationService organizations;
    private final Clock clock;

    CollectionService(RepoCollections collections, CollectionItems items, RepoService repos, RepoAccess access,
            NamespaceService namespaces, OrganizationService organizations, Clock clock) {
        this.collections = collections;
        this.items = items;
        this.repos = repos;
        this.access = access;
        this.namespaces = namespaces;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** @throws CollectionExistsException when the namespace has a collection with this title */
    @Transactional
    public CollectionView create(Account actor, NewCollection request) {
        if (request.namespace() == null || request.namespace().isBlank()) {
            throw new InvalidInputException("namespace", "Name the user or organization to create the collection"
                    + " under: {\"namespace\": ...}.");
        }
        String owner = namespaces.find(request.namespace().strip())
                .orElseThrow(() -> new InvalidInputException("namespace", "No user or organization named '"
                        + request.namespace() + "'."))
                .name();
        requireEdit(owner, actor);
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > RepoCollection.MAX_TITLE) {
            throw new InvalidInputException("title", "Give the collection a title of 1 to " + RepoCollection.MAX_TITLE
                    + " characters.");
        }
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        if (description != null && description.length() > RepoCollection.MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "A description holds at most "
                    + RepoCollection.MAX_DESCRIPTION + " characters.");
        }
        Optional<RepoCollection> same = collections.findFirstByOwnerLowerAndTitleIgnoreCase(Names.lower(owner), title);
        if (same.isPresent()) {
            throw new CollectionExistsException(same.get().slug());
        }
        RepoCollection collection = collections.saveAndFlush(new RepoCollection(CollectionSlugs.newObjectId(), owner,
                title, description, request.privateCollection(), actor.id().value(), clock.instant()));
        log.info("{} created collection {}", actor.name(), collection.slug());
        return new CollectionView(collection, List.of(), 0);
    }

    /**
     * Creates a collection holding one first repository, which the actor must be able to read;
     * nothing is created when it cannot be added.
     */
    @Transactional
    public CollectionView createWith(Account actor, NewCollection request, RepoKind kind, String owner, String name,
            String note) {
        repos.find(kind, owner, name, actor).orElseThrow(() -> new NotFoundException(
                "Repository " + kind.urlPrefix() + owner + "/" + name + " not found, or you may not read it."));
        CollectionView created = create(actor, request);
        return addItem(actor, created.collection().slug(), kind, owner, name, note);
    }

    /** The collection at {@code slug} with the items {@code viewer} may read; empty when they may not see it. */
    @Transactional(readOnly = true)
    public Optional<CollectionView> find(String slug, Account viewer) {
        return visible(slug, viewer).map(c -> view(c, viewer, Integer.MAX_VALUE));
    }

    /** Like {@link #find}, but a 404 naming the slug. */
    @Transactional(readOnly = true)
    public CollectionView get(String slug, Account viewer) {
        return find(slug, viewer).orElseThrow(() -> notFound(slug));
    }

    /** Collections {@code viewer} may see, most recently updated first, each with its first few items. */
    @Transactional(readOnly = true)
    public List<CollectionView> list(CollectionQuery query, Account viewer) {
        long repositoryId = -1;
        if (query.itemKind() != null) {
            Optional<Repo> repo = repos.find(query.itemKind(), query.itemOwner(), query.itemName(), viewer);
            if (repo.isEmpty()) {
                return List.of();
            }
            repositoryId = repo.get().id();
        }
        List<String> owners = new ArrayList<>(query.owners().stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        boolean anyOwner = owners.isEmpty();
        owners.add("");
        String text = query.text() == null || query.text().isBlank() ? ""
                : "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "")
                        .replace("_", "") + "%";
        List<RepoCollection> found = collections.search(viewer != null && viewer.isAdmin(), readableNamespaces(viewer),
                anyOwner, owners, repositoryId, text,
                PageRequest.of(0, query.limit(), Sort.by(Sort.Direction.DESC, "updatedAt")));
        return found.stream().map(c -> view(c, viewer, LISTING_ITEMS)).toList();
    }

    /**
     * Adds a repository the actor may read to a collection they may edit.
     *
     * @throws ConflictException when the collection holds it already
     */
    @Transactional
    public CollectionView addItem(Account actor, String slug, RepoKind kind, String owner, String name, String note) {
        RepoCollection collection = editable(slug, actor);
        Repo repo = repos.find(kind, owner, name, actor).orElseThrow(() -> new NotFoundException(
                "Repository " + kind.urlPrefix() + owner + "/" + name + " not found, or you may not read it."));
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > CollectionItem.MAX_NOTE) {
            throw new InvalidInputException("note", "A note holds at most " + CollectionItem.MAX_NOTE + " characters.");
        }
        if (items.findByCollectionIdAndRepositoryId(collection.id(), repo.id()).isPresent()) {
            throw new ConflictException("item", repo.fullName() + " is in the collection already.");
        }
        long count = items.countByCollectionId(collection.id());
        if (count >= MAX_ITEMS) {
            throw new InvalidInputException("item", "A collection holds at most " + MAX_ITEMS + " items.");
        }
        items.saveAndFlush(new CollectionItem(CollectionSlugs.newObjectId(), collection.id(), repo.id(), (int) count,
                text, clock.instant()));
        collection.touch(clock.instant());
        log.info("{} added {} to collection {}", actor.name(), repo.fullName(), collection.slug());
        return view(collection, actor, Integer.MAX_VALUE);
    }

    /** Removes an item by its own object id (not the repository's name). */
    @Transactional
    public void removeItem(Account actor, String slug, String itemObjectId) {
        RepoCollection collection = editable(slug, actor);
        CollectionItem item = items.findByCollectionIdAndObjectId(collection.id(), itemObjectId)
                .orElseThrow(() -> new NotFoundException("No item " + itemObjectId + " in collection " + slug + "."));
        items.delete(item);
        collection.touch(clock.instant());
        log.info("{} removed item {} from collection {}", actor.name(), itemObjectId, collection.slug());
    }

    @Transactional
    public void delete(Account actor, String slug) {
        RepoCollection collection = editable(slug, actor);
        items.deleteByCollectionId(collection.id());
        collections.delete(collection);
        log.info("{} deleted collection {}", actor.name(), collection.slug());
    }

    /** Whether {@code viewer} may change the collection. */
    public boolean mayEdit(RepoCollection collection, Account viewer) {
        return viewer != null && access.ownerPermission(collection.owner(), viewer).allows(RepoPermission.WRITE);
    }

    private RepoCollection editable(String slug, Account actor) {
        RepoCollection collection = visible(slug, actor).orElseThrow(() -> notFound(slug));
        if (!mayEdit(collection, actor)) {
            throw new ForbiddenException("Only members of " + collection.owner() + " may change its collections.");
        }
        return collection;
    }

    private void requireEdit(String owner, Account actor) {
        if (!access.ownerPermission(owner, actor).allows(RepoPermission.WRITE)) {
            throw new ForbiddenException("You may not create collections under '" + owner + "'.");
        }
    }

    private Optional<RepoCollection> visible(String slug, Account viewer) {
        return CollectionSlugs.objectId(slug).flatMap(collections::findByObjectId)
                .filter(c -> slug.toLowerCase(Locale.ROOT).startsWith(Names.lower(c.owner()) + "/"))
                .filter(c -> !c.isPrivate() || (viewer != null
                        && access.ownerPermission(c.owner(), viewer) != RepoPermission.NONE));
    }

    private CollectionView view(RepoCollection collection, Account viewer, int maxItems) {
        List<CollectionView.Entry> readable = new ArrayList<>();
        for (CollectionItem item : items.findByCollectionIdOrderByPositionAscIdAsc(collection.id())) {
            repos.findById(item.repositoryId())
                    .filter(repo -> access.permission(repo, viewer).allows(RepoPermission.READ))
                    .ifPresent(repo -> readable.add(new CollectionView.Entry(item, repo)));
        }
        return new CollectionView(collection, readable.subList(0, Math.min(maxItems, readable.size())),
                readable.size());
    }

    /** The caller's own namespace and organizations: where they may see private collections. */
    private List<String> readableNamespaces(Account viewer) {
        List<String> names = new ArrayList<>();
        names.add("");
        if (viewer != null) {
            names.add(Names.lower(viewer.name()));
            organizations.organizationsOf(viewer.id()).forEach(org -> names.add(Names.lower(org.name())));
        }
        return names;
    }

    private static NotFoundException notFound(String slug) {
        return new NotFoundException("Collection " + slug + " not found, or you may not see it.");
    }
}
