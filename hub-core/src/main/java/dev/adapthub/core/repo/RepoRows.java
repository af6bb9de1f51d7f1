package dev.adapthub.core.repo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.adapthub.core.cluster.ClusterGenerations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Repository rows by address, kept in memory for the requests that only read them: every page,
 * file and API answer of a repository starts by looking its row up, and that lookup was a fifth
 * to a third of a kept page's time (issue #15's profile of the repository page).
 *
 * <p>Every write of a row moves the {@link #GENERATION} counter ({@link RepoRowWrites} for JPA,
 * {@code Popularity} for its counts); a kept row read under an older generation is read again. So
 * this process sees its own changes at once and another process's within
 * {@code hub.cluster.poll-interval} (500 ms), visibility changes included. Missing addresses are
 * kept too (a created repository moves the counter), so a flood of 404s costs no query each.
 *
 * <p>The rows handed out are detached and shared: callers read them. Code that changes a row
 * loads its own managed copy inside its transaction, and {@code RepoService} reads the database
 * directly whenever a transaction is active, so nothing ever changes a kept row by accident.
 */
@Component
class RepoRows {

    /** The {@link ClusterGenerations} topic moved by every write of a {@code repositories} row. */
    static final String GENERATION = "repositories";

    private record Address(RepoKind kind, String ownerLower, String nameLower) {
    }

    private record Kept(long generation, Optional<Repo> row) {
    }

    private final Repos repos;
    private final ClusterGenerations generations;
    private final Cache<Address, Kept> kept = Caffeine.newBuilder().maximumSize(10_000).build();

    RepoRows(Repos repos, ClusterGenerations generations) {
        this.repos = repos;
        this.generations = generations;
    }

    Optional<Repo> find(RepoKind kind, String ownerLower, String nameLower) {
        Address address = new Address(kind, ownerLower, nameLower);
        // Read before the row: a write committed after this read moves the counter past it.
        long generation = generations.current(GENERATION);
        Kept found = kept.getIfPresent(address);
        if (found != null && found.generation() == generation) {
            return found.row();
        }
        Optional<Repo> row = repos.findByKindAndOwnerLowerAndNameLower(kind, ownerLower, nameLower);
        kept.put(address, new Kept(generation, row));
        return row;
    }
}
