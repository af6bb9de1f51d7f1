package dev.adapthub.core.audit;

import org.springframework.data.repository.Repository;

/**
 * Stores audit entries. Deliberately not a {@code CrudRepository}: it can append and nothing else,
 * so no code path in the hub deletes or edits an entry. Reads go through {@link AuditQueries}.
 */
interface AuditEntries extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);
}
