package dev.adapthub.core.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Reads the audit log with a filter and a scope (one repository, one owner, or everything). */
@Component
class AuditQueries {

    private final EntityManager entityManager;

    AuditQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param repoId    only this repository's entries, or null
     * @param ownerLower only entries of this owner, or null
     */
    List<AuditEntry> find(AuditFilter filter, Long repoId, String ownerLower) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> e = query.from(AuditEntry.class);
        List<Predicate> where = new ArrayList<>();
        if (repoId != null) {
            where.add(cb.equal(e.get("repositoryId"), repoId));
        }
        if (ownerLower != null) {
            where.add(cb.equal(e.get("ownerLower"), ownerLower));
        }
        if (filter.actor() != null) {
            where.add(cb.equal(cb.lower(e.get("actor")), filter.actor().toLowerCase(Locale.ROOT)));
        }
        if (filter.action() != null) {
            String action = filter.action().toLowerCase(Locale.ROOT);
            int dot = action.indexOf('.');
            if (dot < 0) {
                where.add(cb.equal(e.get("category"), action));
            } else {
                where.add(cb.equal(e.get("category"), action.substring(0, dot)));
                where.add(cb.equal(e.get("action"), action.substring(dot + 1)));
            }
        }
        if (filter.target() != null) {
            where.add(cb.like(cb.lower(e.get("target")), "%" + escape(filter.target().toLowerCase(Locale.ROOT)) + "%",
                    '\\'));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(e.get("occurredAt"), filter.to()));
        }
        query.select(e).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(e.get("id")));
        return entityManager.createQuery(query).setMaxResults(filter.limit()).getResultList();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
