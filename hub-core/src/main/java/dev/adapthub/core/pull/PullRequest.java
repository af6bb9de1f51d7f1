package dev.adapthub.core.pull;

import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.core.cluster.KeptTopic;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A proposal to merge {@link #sourceRef()} into {@link #targetBranch()} of the same repository.
 * {@link #headCommit()} is the source's tip as the hub last saw it: reviews and checks are bound
 * to it, and a merge merges exactly it, never whatever the ref says a moment later.
 */
@Entity
@EntityListeners(RowWrites.class)
@KeptTopic(PullLists.GENERATION)
@Table(name = "pull_requests")
public class PullRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "source_ref", nullable = false, updatable = false)
    private String sourceRef;

    @Column(name = "target_branch", nullable = false, updatable = false)
    private String targetBranch;

    @Column(name = "head_commit", nullable = false)
    private String headCommit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PullState state;

    @Column(nullable = false)
    private boolean draft;

    @Column(nullable = false)
    private String labels;

    @Column(name = "merge_commit")
    private String mergeCommit;

    @Enumerated(EnumType.STRING)
    @Column(name = "merge_method")
    private MergeMethod mergeMethod;

    /** The target's tip the merge was made on: the base of the merged PR's diff. */
    @Column(name = "merged_onto")
    private String mergedOnto;

    @Column(name = "merged_by")
    private Long mergedBy;

    @Column(name = "merged_at")
    private Instant mergedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PullRequest() {
    }

    PullRequest(long repositoryId, long number, String title, String description, long authorId, String sourceRef,
            String targetBranch, String headCommit, boolean draft, String labels, Instant now) {
        this.repositoryId = repositoryId;
        this.number = number;
        this.title = title;
        this.description = description;
        this.authorId = authorId;
        this.sourceRef = sourceRef;
        this.targetBranch = targetBranch;
        this.headCommit = headCommit;
        this.state = PullState.OPEN;
        this.draft = draft;
        this.labels = labels;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public long number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** Markdown as typed; render it with the sanitizing renderer. */
    public String description() {
        return description;
    }

    public long authorId() {
        return authorId;
    }

    /** {@code refs/pr/{n}} or {@code refs/heads/{branch}}. */
    public String sourceRef() {
        return sourceRef;
    }

    /** The source as people say it: {@code refs/pr/3} or the branch's short name. */
    public String sourceLabel() {
        return sourceRef.startsWith("refs/heads/") ? sourceRef.substring("refs/heads/".length()) : sourceRef;
    }

    public String targetBranch() {
        return targetBranch;
    }

    public String headCommit() {
        return headCommit;
    }

    public PullState state() {
        return state;
    }

    public boolean isOpen() {
        return state == PullState.OPEN;
    }

    public boolean isDraft() {
        return draft;
    }

    public List<String> labels() {
        return labels.isEmpty() ? List.of() : Arrays.stream(labels.split(",")).toList();
    }

    public String mergeCommit() {
        return mergeCommit;
    }

    public MergeMethod mergeMethod() {
        return mergeMethod;
    }

    public String mergedOnto() {
        return mergedOnto;
    }

    public Long mergedBy() {
        return mergedBy;
    }

    public Instant mergedAt() {
        return mergedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void moveHead(String commit, Instant now) {
        this.headCommit = commit;
        this.updatedAt = now;
    }

    void changeState(PullState newState, Instant now) {
        this.state = newState;
        this.updatedAt = now;
    }

    void edit(String newTitle, String newDescription, List<String> newLabels, Instant now) {
        this.title = newTitle;
        this.description = newDescription;
        this.labels = String.join(",", newLabels);
        this.updatedAt = now;
    }

    void markReady(Instant now) {
        this.draft = false;
        this.updatedAt = now;
    }

    void merged(String commit, String onto, MergeMethod method, long by, Instant now) {
        this.state = PullState.MERGED;
        this.mergedOnto = onto;
        this.mergeCommit = commit;
        this.mergeMethod = method;
        this.mergedBy = by;
        this.mergedAt = now;
        this.updatedAt = now;
    }
}
