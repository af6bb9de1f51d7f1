package dev.adapthub.core.repo;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowsKept;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Repository rows by address, and pages of public repositories by query, kept in memory for the
 * requests that only read them. Every page, file and API answer of a repository starts by looking
 * its row up, which was a fifth to a third of a kept page's time (issue #15's profile of the
 * repository page); the listings ({@code /api/models}, the home page, {@code /models}) were a
 * third of theirs in Hibernate.
 *
 * <p>Both hold only what the {@code repositories} table decides. Every write of a row moves the
 * {@link #GENERATION} counter ({@code RowWrites} on the entity for JPA, {@code Popularity} for its counts),
 * and whatever was kept under an older generation is read again. So this process sees its own
 * changes at once and another process's within {@code hub.cluster.poll-interval} (500 ms),
 * visibility changes included. Missing addresses are kept too (a created repository moves the
 * counter), so a flood of 404s costs no query each. Listings that depend on more than the rows
 * (private repositories a viewer may read through an organization) are never kept.
 *
 * <p>The rows handed out are detached and shared: callers read them. Code that changes a row loads
 * its own managed copy inside its transaction, and inside any transaction this class reads the
 * database instead of its copies, so nothing ever changes a kept row by accident.
 */
@Component
class RepoRows {

    /** The {@link ClusterGenerations} topic moved by every write of a {@code repositories} row. */
    static final String GENERATION = "repositories";
    /** Repositories held by kept listings in all (a page holds at most {@code RepoQuery.MAX_PAGE_SIZE}). */
    private static final long LISTED_ROWS = 20_000;

    private record Address(RepoKind kind, String ownerLower, String nameLower) {
    }

    private final Repos repos;
    private final RowsKept<Address, Optional<Repo>> rows;
    private final RowsKept<Object, Page<Repo>> listings;

    RepoRows(Repos repos, ClusterGenerations generations) {
        this.repos = repos;
        this.rows = RowsKept.entries(generations, 10_000, GENERATION);
        this.listings = RowsKept.rows(generations, GENERATION, LISTED_ROWS, Page::getNumberOfElements);
    }

    Optional<Repo> find(RepoKind kind, String ownerLower, String nameLower) {
        return rows.get(new Address(kind, ownerLower, nameLower),
                () -> repos.findByKindAndOwnerLowerAndNameLower(kind, ownerLower, nameLower));
    }

    /** A page of public repositories; {@code query} names it completely (a record of the query and the page). */
    Page<Repo> listing(Object query, Supplier<Page<Repo>> read) {
        return listings.get(query, read);
    }
}
