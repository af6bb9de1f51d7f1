package dev.adapthub.core.profile;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.audit.AuditEntry;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a profile page shows of a person's work: the pull requests they opened and their recent
 * activity from the audit log, both cut to the repositories the viewer may read (the repository
 * access rules of {@link RepoService}). Sign-ins, tokens and memberships are never shown: the
 * audit log keeps them for administrators, not for visitors.
 */
@Service
public class ProfileActivity {

    /** Audit categories a visitor may see of someone, in repositories they can read. */
    static final List<String> PUBLIC_CATEGORIES = List.of("repository", "pull_request", "push");

    private final EntityManager entityManager;
    private final RepoService repos;

    ProfileActivity(EntityManager entityManager, RepoService repos) {
        this.entityManager = entityManager;
        this.repos = repos;
    }

    /** A pull request and the repository it belongs to. */
    public record AuthoredPull(Repo repo, PullRequest pullRequest) {
    }

    /** An audit entry and the repository it is about. */
    public record Activity(Repo repo, AuditEntry entry) {
    }

    /** The newest pull requests {@code author} opened, in repositories {@code viewer} may read. */
    @Transactional(readOnly = true)
    public List<AuthoredPull> pullRequests(Account author, Account viewer, int limit) {
        List<PullRequest> found = entityManager.createQuery(
                        "select p from PullRequest p where p.authorId = :author order by p.createdAt desc",
                        PullRequest.class)
                .setParameter("author", author.id().value()).setMaxResults(limit * 4).getResultList();
        return readableOnly(found, PullRequest::repositoryId, AuthoredPull::new, viewer, limit);
    }

    /** The newest things {@code actor} did to repositories {@code viewer} may read. */
    @Transactional(readOnly = true)
    public List<Activity> recent(Account actor, Account viewer, int limit) {
        List<AuditEntry> found = entityManager.createQuery("select e from AuditEntry e where lower(e.actor) = :actor"
                        + " and e.category in :categories and e.repositoryId is not null order by e.id desc",
                        AuditEntry.class)
                .setParameter("actor", actor.name().toLowerCase(Locale.ROOT))
                .setParameter("categories", PUBLIC_CATEGORIES)
                .setMaxResults(limit * 4).getResultList();
        return readableOnly(found, AuditEntry::repositoryId, Activity::new, viewer, limit);
    }

    /** The first {@code limit} of {@code found} whose repository the viewer may read, each with its repository. */
    private <T, R> List<R> readableOnly(List<T> found, Function<T, Long> repoOf, BiFunction<Repo, T, R> pair,
            Account viewer, int limit) {
        Map<Long, Optional<Repo>> readable = new HashMap<>();
        List<R> shown = new ArrayList<>();
        for (T item : found) {
            readable(readable, repoOf.apply(item), viewer).ifPresent(repo -> shown.add(pair.apply(repo, item)));
            if (shown.size() == limit) {
                break;
            }
        }
        return shown;
    }

    /** A deleted repository counts as unreadable: its name may have been private. */
    private Optional<Repo> readable(Map<Long, Optional<Repo>> cache, long repoId, Account viewer) {
        return cache.computeIfAbsent(repoId, id -> repos.findById(id)
                .filter(repo -> repos.permission(repo, viewer).allows(RepoPermission.READ)));
    }
}
