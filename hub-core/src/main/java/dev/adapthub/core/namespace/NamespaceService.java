package dev.adapthub.core.namespace;

import dev.adapthub.core.common.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Claims owner names for users and organizations. */
@Service
public class NamespaceService {

    private final NamespaceRepository namespaces;
    private final EntityManager entityManager;
    private final Clock clock;

    NamespaceService(NamespaceRepository namespaces, EntityManager entityManager, Clock clock) {
        this.namespaces = namespaces;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Claims a name inside the caller's transaction, so a failure later in that transaction
     * releases it again (nothing half-created).
     *
     * @throws ConflictException when the name, in any letter case, is taken
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Namespace claim(String field, String name, NamespaceKind kind) {
        Names.requireWellFormed(field, name);
        if (namespaces.existsById(Names.lower(name))) {
            throw taken(field, name);
        }
        Namespace namespace = new Namespace(name, kind, clock.instant());
        try {
            // persist, not merge: a concurrent claim of the same name must fail on the key.
            entityManager.persist(namespace);
            entityManager.flush();
        } catch (PersistenceException raced) {
            throw taken(field, name);
        }
        return namespace;
    }

    private static ConflictException taken(String field, String name) {
        return new ConflictException(field, "The name '" + name + "' is taken; choose another.");
    }

    @Transactional(readOnly = true)
    public Optional<Namespace> find(String name) {
        return !Names.isWellFormed(name) ? Optional.empty() : namespaces.findById(Names.lower(name));
    }
}
