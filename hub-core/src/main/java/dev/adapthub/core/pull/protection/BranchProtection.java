package dev.adapthub.core.pull.protection;

import dev.adapthub.core.repo.RepoPermission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored {@link ProtectionRule} of one repository. */
@Entity
@Table(name = "branch_protections")
class BranchProtection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;

    @Column(nullable = false)
    private String pattern;

    @Column(name = "required_approvals", nullable = false)
    private int requiredApprovals;

    @Column(name = "require_checks", nullable = false)
    private boolean requireChecks;

    @Column(name = "block_on_changes", nullable = false)
    private boolean blockOnChanges;

    @Column(name = "dismiss_stale_approvals", nullable = false)
    private boolean dismissStaleApprovals;

    @Enumerated(EnumType.STRING)
    @Column(name = "merge_permission", nullable = false)
    private RepoPermission mergePermission;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_permission", nullable = false)
    private RepoPermission pushPermission;

    protected BranchProtection() {
    }

    BranchProtection(long repositoryId, ProtectionRule rule) {
        this.repositoryId = repositoryId;
        update(rule);
    }

    void update(ProtectionRule rule) {
        this.pattern = rule.pattern();
        this.requiredApprovals = rule.requiredApprovals();
        this.requireChecks = rule.requireChecks();
        this.blockOnChanges = rule.blockOnRequestedChanges();
        this.dismissStaleApprovals = rule.dismissStaleApprovals();
        this.mergePermission = rule.mergePermission();
        this.pushPermission = rule.pushPermission();
    }

    String pattern() {
        return pattern;
    }

    ProtectionRule rule() {
        return new ProtectionRule(pattern, requiredApprovals, requireChecks, blockOnChanges, dismissStaleApprovals,
                mergePermission, pushPermission);
    }
}
