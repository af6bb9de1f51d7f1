package dev.adapthub.core.notification;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.CommitInfo;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who authored a config: the author of the last commit that changed the file, as of the commit its
 * validation was made at, matched to an account by e-mail address. Commits made on the hub (uploads,
 * edits, pull requests) carry their author's account address; a pushed commit carries whatever its
 * author configured. An address that several accounts share names nobody.
 */
@Component
class StaleAuthors {

    private final RepoFiles files;
    private final EntityManager entityManager;

    StaleAuthors(RepoFiles files, EntityManager entityManager) {
        this.files = files;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    Optional<Account> authorOf(Repo repo, String commit, String path) {
        List<CommitInfo> last;
        try {
            last = files.resolve(repo, commit).map(at -> files.history(repo, at, path, 0, 1).commits())
                    .orElse(List.of());
        } catch (HubException gone) {
            return Optional.empty();
        }
        if (last.isEmpty() || last.get(0).author().email() == null) {
            return Optional.empty();
        }
        List<Account> owners = entityManager.createQuery("select a from Account a where lower(a.email) = :email",
                        Account.class)
                .setParameter("email", last.get(0).author().email().toLowerCase(Locale.ROOT))
                .setMaxResults(2).getResultList();
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }
}
