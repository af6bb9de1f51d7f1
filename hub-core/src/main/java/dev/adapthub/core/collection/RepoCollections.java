package dev.adapthub.core.collection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RepoCollections extends JpaRepository<RepoCollection, Long> {

    Optional<RepoCollection> findByObjectId(String objectId);

    Optional<RepoCollection> findFirstByOwnerLowerAndTitleIgnoreCase(String ownerLower, String title);

    /**
     * Collections the caller may see ({@code allReadable}, or public ones and those under
     * {@code readable} namespaces), filtered by owners (empty list: any), a repository they hold
     * (-1: any) and a text ('' or a LIKE pattern).
     */
    @Query("""
            select c from RepoCollection c
            where (:allReadable = true or c.privateCollection = false or c.ownerLower in :readable)
              and (:anyOwner = true or c.ownerLower in :owners)
              and (:repositoryId = -1 or exists (select i from CollectionItem i
                   where i.collectionId = c.id and i.repositoryId = :repositoryId))
              and (:text = '' or lower(c.title) like :text or lower(coalesce(c.description, '')) like :text)
            """)
    List<RepoCollection> search(@Param("allReadable") boolean allReadable,
            @Param("readable") Collection<String> readable, @Param("anyOwner") boolean anyOwner,
            @Param("owners") Collection<String> owners, @Param("repositoryId") long repositoryId,
            @Param("text") String text, Pageable page);
}
