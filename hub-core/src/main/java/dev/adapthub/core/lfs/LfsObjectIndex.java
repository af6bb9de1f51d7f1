package dev.adapthub.core.lfs;

import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.store.RepoId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which repository may read which LFS object of the shared bucket ({@code lfs_repository_objects}):
 * a row is written only after the repository's own upload of the object was checked (size and
 * SHA-256), so knowing a hash opens nothing, and bytes another repository stored are reused only
 * once this one proved it has them. Kept in the database, so every hub process sees the same.
 */
final class LfsObjectIndex {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LfsObjectIndex(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Committed at once, even inside a caller's transaction: the upload was checked whatever happens next.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The checked size of {@code oid} in {@code repo}, or empty when the repository never proved it. */
    OptionalLong size(RepoId repo, LfsOid oid) {
        return jdbc.query("SELECT size_bytes FROM lfs_repository_objects WHERE storage_id = ? AND oid = ?",
                rs -> rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty(), repo.toString(), oid.hex());
    }

    /** Records that {@code repo} uploaded {@code oid} and its bytes checked out; idempotent. */
    void add(RepoId repo, LfsOid oid, long size) {
        try {
            transactions.executeWithoutResult(status -> jdbc.update("INSERT INTO lfs_repository_objects"
                    + " (storage_id, oid, size_bytes, verified_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1"
                    + " FROM lfs_repository_objects WHERE storage_id = ? AND oid = ?)", repo.toString(), oid.hex(),
                    size, Timestamp.from(clock.instant()), repo.toString(), oid.hex()));
        } catch (DuplicateKeyException e) {
            // Another process recorded the same upload at the same moment: the row is there either way.
        }
    }
}
