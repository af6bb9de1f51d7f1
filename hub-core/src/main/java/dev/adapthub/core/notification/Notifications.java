package dev.adapthub.core.notification;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Notifications extends JpaRepository<Notification, Long> {

    Page<Notification> findByAccountIdOrderByIdDesc(long accountId, Pageable page);

    long countByAccountIdAndReadAtIsNull(long accountId);

    @Query(value = "SELECT count(*) FROM notifications n JOIN accounts a ON a.id = n.account_id"
            + " WHERE a.name_lower = ?1 AND n.read_at IS NULL", nativeQuery = true)
    long countUnreadByNameLower(String nameLower);

    boolean existsByAccountIdAndDedupeKey(long accountId, String dedupeKey);

    @Modifying
    @Query("update Notification n set n.readAt = ?2 where n.accountId = ?1 and n.readAt is null")
    int markAllRead(long accountId, Instant at);
}
