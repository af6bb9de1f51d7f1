package dev.adapthub.core.repo;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** A {@link RepoFilter} as one database query: conditions, visibility and order. */
final class RepoFilterSpecs {

    private RepoFilterSpecs() {
    }

    /** @param withPrivate whether private repositories of {@code filter.owner()} may be listed */
    static Specification<Repo> of(RepoFilter filter, boolean withPrivate) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.kind() != null) { // null: every kind (a namespace's profile page)
                all.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (!withPrivate) {
                all.add(cb.isFalse(root.get("privateRepo")));
            }
            if (!filter.owner().isEmpty()) {
                all.add(cb.equal(root.get("ownerLower"), filter.owner()));
            }
            if (!filter.text().isEmpty()) {
                String text = RepoQuery.contains(filter.text());
                all.add(cb.or(cb.like(root.get("nameLower"), text, '\\'), cb.like(root.get("ownerLower"), text, '\\'),
                        cb.like(lower(cb, root, "tagsDelimited"), text, '\\')));
            }
            for (String tag : filter.tags()) {
                all.add(cb.or(cb.like(lower(cb, root, "tagsDelimited"), RepoQuery.member(tag), '\\'),
                        cb.equal(lower(cb, root, "library"), tag), cb.equal(lower(cb, root, "pipelineTag"), tag)));
            }
            if (!filter.license().isEmpty()) {
                all.add(cb.equal(lower(cb, root, "license"), filter.license()));
            }
            if (!filter.pipelineTag().isEmpty()) {
                all.add(cb.equal(lower(cb, root, "pipelineTag"), filter.pipelineTag()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    static Sort sort(RepoFilter filter) {
        Sort.Direction direction = filter.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        Sort sort = switch (filter.order()) {
            case UPDATED -> Sort.by(direction, "updatedAt");
            case CREATED -> Sort.by(direction, "createdAt");
            case NAME -> Sort.by(direction, "ownerLower", "nameLower");
            case LIKES -> Sort.by(direction, "popularity.likes");
            case DOWNLOADS -> Sort.by(direction, "popularity.downloads");
            case TRENDING -> Sort.by(direction, "popularity.trending");
        };
        // A unique last key keeps pages stable when many rows share a time.
        return sort.and(Sort.by(direction, "id"));
    }

    private static Expression<String> lower(CriteriaBuilder cb, Root<Repo> root, String summaryField) {
        return cb.lower(cb.coalesce(root.get("summary").<String>get(summaryField), ""));
    }
}
