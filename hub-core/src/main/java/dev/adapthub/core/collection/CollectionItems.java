package dev.adapthub.core.collection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectionItems extends JpaRepository<CollectionItem, Long> {

    List<CollectionItem> findByCollectionIdOrderByPositionAscIdAsc(long collectionId);

    Optional<CollectionItem> findByCollectionIdAndObjectId(long collectionId, String objectId);

    Optional<CollectionItem> findByCollectionIdAndRepositoryId(long collectionId, long repositoryId);

    long countByCollectionId(long collectionId);

    void deleteByCollectionId(long collectionId);
}
