package dev.adapthub.core.repo;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.event.RepoChanged;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.namespace.Names;
import dev.adapthub.git.GitException;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates, finds, renames and deletes repositories, keeping the database row and the bare
 * Git repository on disk together: a failure on either side leaves neither behind.
 */
@Service
public class RepoService {

    /**
     * The {@link dev.adapthub.core.cluster.ClusterGenerations} topic that code writing
     * {@code repositories} rows with SQL must move, so kept rows are read again (JPA writes move it
     * themselves).
     */
    public static final String ROWS_GENERATION = RepoRows.GENERATION;

    private static final Logger log = LoggerFactory.getLogger(RepoService.class);

    private final Repos repos;
    private final RepoRows rows;
    private final RepoRedirects redirects;
    private final RepoAccess access;
    private final NamespaceService namespaces;
    private final RepositoryStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RepoService(Repos repos, RepoRows rows, RepoRedirects redirects, RepoAccess access, NamespaceService namespaces,
            RepositoryStore store, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repos = repos;
        this.rows = rows;
        this.redirects = redirects;
        this.access = access;
        this.namespaces = namespaces;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a repository owned by {@code request.owner()} (default: the creator), who must be
     * the creator or an organization the creator may write to.
     *
     * @throws ConflictException when {@code kind/owner/name} exists (any letter case)
     */
    @Transactional
    public Repo create(Account creator, NewRepo request) {
        if (request.kind() == null) {
            throw new InvalidInputException("type", "Choose a type: model, dataset or tool.");
        }
        String ownerName = request.owner() == null || request.owner().isBlank() ? creator.name() : request.owner().strip();
        String name = RepoNames.requireValid("name", request.name());
        String owner = namespaces.find(ownerName)
                .orElseThrow(() -> new InvalidInputException("organization", "No user or organization named '"
                        + ownerName + "'."))
                .name();
        if (!access.ownerPermission(owner, creator).allows(RepoPermission.WRITE)) {
            throw new ForbiddenException("You may not create repositories under '" + owner + "'.");
        }
        if (repos.findByKindAndOwnerLowerAndNameLower(request.kind(), Names.lower(owner), RepoNames.lower(name))
                .isPresent()) {
            throw exists(request.kind(), owner, name);
        }
        RepoId storage = RepoId.random();
        try {
            store.create(storage);
        } catch (GitException e) {
            throw new IllegalStateException("Could not create the Git repository on disk: " + e.getMessage(), e);
        }
        deleteStorageOnRollback(storage);
        try {
            Repo repo = repos.saveAndFlush(new Repo(storage.toString(), request.kind(), owner, name,
                    request.privateRepo(), creator.id().value(), clock.instant()));
            redirects.deleteByKindAndOwnerLowerAndNameLower(request.kind(), Names.lower(owner), RepoNames.lower(name));
            log.info("{} created {} {} ({})", creator.name(), request.kind(), repo.fullName(),
                    repo.isPrivate() ? "private" : "public");
            events.publishEvent(changed(repo, creator, "created", repo.isPrivate() ? "private" : "public"));
            return repo;
        } catch (DataIntegrityViolationException raced) {
            throw exists(request.kind(), owner, name);
        }
    }

    private static ConflictException exists(RepoKind kind, String owner, String name) {
        return new ConflictException("name", "A " + kind.apiName() + " repository " + owner + "/" + name
                + " exists already.");
    }

    private void deleteStorageOnRollback(RepoId storage) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteQuietly(storage);
                }
            }
        });
    }

    private void deleteQuietly(RepoId storage) {
        try {
            store.delete(storage);
        } catch (GitException e) {
            log.warn("Could not remove the Git repository {} after a failed change: {}", storage, e.getMessage());
        }
    }

    /**
     * The repository at {@code kind/owner/name} if {@code viewer} may read it. A private
     * repository the viewer cannot read is reported exactly like a missing one.
     */
    public Optional<Repo> find(RepoKind kind, String owner, String name, Account viewer) {
        if (!Names.isWellFormed(owner) || !RepoNames.isWellFormed(name)) {
            return Optional.empty();
        }
        return rows.find(kind, Names.lower(owner), RepoNames.lower(name)).filter(repo -> access.permission(repo, viewer).allows(RepoPermission.READ));
    }

    /** Like {@link #find}, but throws a 404 naming what was asked for. */
    public Repo get(RepoKind kind, String owner, String name, Account viewer) {
        return find(kind, owner, name, viewer).orElseThrow(() -> new NotFoundException(
                "Repository " + kind.urlPrefix() + owner + "/" + name + " not found."));
    }

    /** Where a renamed repository lives now, when the viewer may read it. */
    @Transactional(readOnly = true)
    public Optional<Repo> findRenamed(RepoKind kind, String owner, String name, Account viewer) {
        if (!Names.isWellFormed(owner) || !RepoNames.isWellFormed(name)) {
            return Optional.empty();
        }
        return redirects.findFirstByKindAndOwnerLowerAndNameLowerOrderByIdDesc(kind, Names.lower(owner),
                        RepoNames.lower(name))
                .flatMap(redirect -> repos.findById(redirect.repositoryId()))
                .filter(repo -> access.permission(repo, viewer).allows(RepoPermission.READ));
    }

    public RepoPermission permission(Repo repo, Account viewer) {
        return access.permission(repo, viewer);
    }

    /** Requires at least {@code needed}; a viewer who cannot even read gets a 404, not a 403. */
    public void require(Repo repo, Account viewer, RepoPermission needed) {
        RepoPermission granted = access.permission(repo, viewer);
        if (!granted.allows(RepoPermission.READ)) {
            throw new NotFoundException("Repository " + repo.urlPath() + " not found.");
        }
        if (!granted.allows(needed)) {
            throw new ForbiddenException("You need " + needed.name().toLowerCase() + " permission on "
                    + repo.fullName() + "; you have " + granted.name().toLowerCase() + ".");
        }
    }

    /** Renames within the same owner; the old address redirects from now on. */
    @Transactional
    public Repo rename(Account actor, Repo repo, String newName) {
        require(repo, actor, RepoPermission.ADMIN);
        String name = RepoNames.requireValid("name", newName);
        Repo managed = repos.findById(repo.id()).orElseThrow();
        if (RepoNames.lower(name).equals(RepoNames.lower(managed.name()))) {
            managed.rename(name, clock.instant());
            return managed;
        }
        if (repos.findByKindAndOwnerLowerAndNameLower(managed.kind(), Names.lower(managed.owner()),
                RepoNames.lower(name)).isPresent()) {
            throw exists(managed.kind(), managed.owner(), name);
        }
        redirects.save(new RepoRedirect(managed.kind(), Names.lower(managed.owner()), RepoNames.lower(managed.name()),
                managed.id(), clock.instant()));
        managed.rename(name, clock.instant());
        log.info("{} renamed {} to {}", actor.name(), repo.fullName(), managed.fullName());
        events.publishEvent(changed(managed, actor, "renamed", "from " + repo.fullName()));
        return managed;
    }

    /**
     * Deletes the repository and its Git data. {@code confirmation} must repeat
     * {@code owner/name}, so a slip of the mouse deletes nothing.
     */
    @Transactional
    public void delete(Account actor, Repo repo, String confirmation) {
        require(repo, actor, RepoPermission.ADMIN);
        if (confirmation == null || !confirmation.strip().equals(repo.fullName())) {
            throw new InvalidInputException("confirmation", "Type " + repo.fullName() + " to confirm the deletion.");
        }
        redirects.deleteByRepositoryId(repo.id());
        repos.deleteById(repo.id());
        RepoId storage = RepoId.parse(repo.storageId());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteQuietly(storage);
            }
        });
        log.info("{} deleted {} {}", actor.name(), repo.kind(), repo.fullName());
        events.publishEvent(changed(repo, actor, "deleted", null));
    }

    /** The event of a change to {@code repo} (as it is after the change) by {@code actor}. */
    static RepoChanged changed(Repo repo, Account actor, String action, String detail) {
        return new RepoChanged(repo.id(), actor == null ? null : actor.name(), action, repo.kind().apiName(),
                repo.owner(), repo.fullName(), repo.isPrivate(), detail);
    }

    /** A page of public repositories matching the query. */
    public Page<Repo> search(RepoQuery query) {
        return rows.listing(query, () -> query(query));
    }

    private Page<Repo> query(RepoQuery query) {
        Sort order = switch (query.sort()) {
            case NAME -> Sort.by("ownerLower", "nameLower");
            case SIZE -> Sort.by(Sort.Direction.DESC, "summary.totalBytes");
            case UPDATED -> Sort.by(Sort.Direction.DESC, "updatedAt");
            case LIKES -> Sort.by(Sort.Direction.DESC, "popularity.likes").and(Sort.by("ownerLower", "nameLower"));
            case DOWNLOADS -> Sort.by(Sort.Direction.DESC, "popularity.downloads")
                    .and(Sort.by("ownerLower", "nameLower"));
            case TRENDING -> Sort.by(Sort.Direction.DESC, "popularity.trending")
                    .and(Sort.by("ownerLower", "nameLower"));
        };
        return repos.search(query.kind(), RepoQuery.contains(query.text()), RepoQuery.member(query.tag()),
                RepoQuery.member(query.chip()), query.license(), PageRequest.of(query.page(), query.size(), order));
    }

    /**
     * The API's listing: public repositories matching {@code filter}; with an owner, also the
     * private ones of that namespace when {@code viewer} may read them (one rule for the whole
     * namespace, so the database filters and pages).
     */
    public Page<Repo> search(RepoFilter filter, Account viewer, int page, int size) {
        boolean withPrivate = !filter.owner().isEmpty() && viewer != null
                && access.ownerPermission(filter.owner(), viewer) != RepoPermission.NONE;
        PageRequest request = PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, RepoQuery.MAX_PAGE_SIZE)),
                RepoFilterSpecs.sort(filter));
        Supplier<Page<Repo>> query = () -> repos.findAll(RepoFilterSpecs.of(filter, withPrivate), request);
        // With private repositories the answer also depends on memberships, which the rows' generation does not follow.
        return withPrivate ? query.get()
                : rows.listing(new PublicListing(filter, request.getPageNumber(), request.getPageSize()), query);
    }

    /** What names a kept page of {@link #search(RepoFilter, Account, int, int)}'s public answer. */
    private record PublicListing(RepoFilter filter, int page, int size) {
    }

    /**
     * Public repositories of a kind, most recently updated first: kept until a repository row is
     * written, since the Tool Center read all public tools on every signed-in view (44% of its time,
     * issue #15's profile).
     */
    public List<Repo> listPublic(RepoKind kind) {
        return rows.listing(new PublicOfKind(kind),
                () -> new PageImpl<>(repos.findByKindAndPrivateRepoFalseOrderByUpdatedAtDesc(kind))).getContent();
    }

    /** What names a kept answer of {@link #listPublic(RepoKind)}. */
    private record PublicOfKind(RepoKind kind) {
    }

    /** Repositories under a namespace that {@code viewer} may read. */
    @Transactional(readOnly = true)
    public List<Repo> listOwnedBy(String owner, Account viewer) {
        if (!Names.isWellFormed(owner)) {
            return List.of();
        }
        return repos.findByOwnerLowerOrderByUpdatedAtDesc(Names.lower(owner)).stream()
                .filter(repo -> access.permission(repo, viewer).allows(RepoPermission.READ))
                .toList();
    }

    /**
     * The repository with a database id, regardless of who asks: for background work that
     * received the id from an event or a job (never for serving a request).
     */
    @Transactional(readOnly = true)
    public Optional<Repo> findById(long id) {
        return repos.findById(id);
    }

    /** The repository whose Git data lives at {@code storage}, regardless of who asks. */
    @Transactional(readOnly = true)
    public Optional<Repo> findByStorage(RepoId storage) {
        return repos.findByStorageId(storage.toString());
    }

    /** Stores what the indexer found in the repository's content. */
    @Transactional
    public void updateSummary(Repo repo, RepoSummary summary) {
        repos.findById(repo.id()).ifPresent(managed -> managed.updateSummary(summary, clock.instant()));
    }

    /** The storage id of a repository, for the Git layer. */
    public RepoId storageOf(Repo repo) {
        return RepoId.parse(repo.storageId());
    }
}
