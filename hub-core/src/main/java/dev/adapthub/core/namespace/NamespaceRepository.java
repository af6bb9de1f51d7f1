package dev.adapthub.core.namespace;

import org.springframework.data.jpa.repository.JpaRepository;

interface NamespaceRepository extends JpaRepository<Namespace, String> {
}
