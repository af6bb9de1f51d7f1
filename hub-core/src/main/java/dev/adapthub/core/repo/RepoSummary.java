package dev.adapthub.core.repo;

import dev.adapthub.core.repo.card.RepoCard;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The indexed view of a repository's default branch: last commit, size, counts and the README
 * card, kept in the repository's row so listings and filters never open Git.
 */
@Embeddable
public record RepoSummary(
        @Column(name = "last_commit_id") String lastCommitId,
        @Column(name = "last_commit_at") Instant lastCommitAt,
        @Column(name = "file_count") int fileCount,
        @Column(name = "total_bytes") long totalBytes,
        @Column(name = "branch_count") int branchCount,
        @Column(name = "tag_count") int tagCount,
        @Column(name = "card_license") String license,
        @Column(name = "card_pipeline") String pipelineTag,
        @Column(name = "card_library") String library,
        @Column(name = "card_base_model") String baseModel,
        @Column(name = "card_category") String category,
        @Column(name = "card_tags") String tagsDelimited,
        @Column(name = "card_chips") String chipsDelimited,
        @Column(name = "card_engines") String enginesDelimited,
        @Column(name = "card_warning") String cardWarning,
        @Column(name = "card_chip_families") String chipFamiliesDelimited,
        @Column(name = "card_version") String version) {

    public static final RepoSummary EMPTY = new RepoSummary(null, null, 0, 0, 0, 0, null, null, null, null, null,
            null, null, null, null, null, null);
    static final int MAX_LIST_TEXT = 4000;

    public static RepoSummary of(String lastCommitId, Instant lastCommitAt, int fileCount, long totalBytes,
            int branchCount, int tagCount, RepoCard card) {
        String warning = card.warning() == null ? null : card.warning().substring(0, Math.min(500, card.warning().length()));
        return new RepoSummary(lastCommitId, lastCommitAt, fileCount, totalBytes, branchCount, tagCount,
                card.license(), card.pipelineTag(), card.library(), card.baseModel(), card.category(),
                join(card.tags()), join(card.chips()), join(card.engines()), warning,
                shortJoin(card.chipFamilies()), card.version());
    }

    /** The chip families a tool's card declares ({@code NPU}, {@code GPGPU}, {@code CPU}). */
    public List<String> chipFamilies() {
        return split(chipFamiliesDelimited);
    }

    private static String shortJoin(List<String> values) {
        String joined = join(values);
        return joined == null || joined.length() <= 200 ? joined : joined.substring(0, joined.lastIndexOf('|', 200) + 1);
    }

    public List<String> tags() {
        return split(tagsDelimited);
    }

    public List<String> chips() {
        return split(chipsDelimited);
    }

    public List<String> engines() {
        return split(enginesDelimited);
    }

    /** {@code |a|b|}: every value is fenced, so {@code LIKE '%|a|%'} matches whole values only. */
    static String join(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String joined = values.stream().map(v -> v.replace("|", "/")).collect(Collectors.joining("|", "|", "|"));
        return joined.length() > MAX_LIST_TEXT ? joined.substring(0, joined.lastIndexOf('|', MAX_LIST_TEXT) + 1) : joined;
    }

    private static List<String> split(String delimited) {
        if (delimited == null || delimited.length() < 2) {
            return List.of();
        }
        return Arrays.stream(delimited.substring(1, delimited.length() - 1).split("\\|")).filter(s -> !s.isEmpty())
                .toList();
    }
}
