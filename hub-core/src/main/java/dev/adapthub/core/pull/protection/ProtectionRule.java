package dev.adapthub.core.pull.protection;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.RepoPermission;

/**
 * What a protected branch demands.
 *
 * @param pattern a branch name, or a glob where {@code *} matches within a path segment ({@code release/*})
 * @param requiredApprovals fresh approvals (on the current head) a merge needs
 * @param requireChecks every check run at the current head must have succeeded
 * @param blockOnRequestedChanges a reviewer whose latest review requests changes blocks the merge
 * @param dismissStaleApprovals a push marks earlier approvals dismissed in the conversation (they
 *        never count for a newer head either way)
 * @param mergePermission the least permission that may merge into the branch
 * @param pushPermission the least permission that may push to the branch directly
 */
public record ProtectionRule(String pattern, int requiredApprovals, boolean requireChecks,
        boolean blockOnRequestedChanges, boolean dismissStaleApprovals, RepoPermission mergePermission,
        RepoPermission pushPermission) {

    public static final int MAX_APPROVALS = 20;

    public ProtectionRule {
        if (pattern == null || pattern.isBlank() || pattern.length() > 200 || !pattern.matches("[A-Za-z0-9._/*-]+")
                || pattern.contains("..") || pattern.startsWith("/") || pattern.endsWith("/")) {
            throw new InvalidInputException("pattern", "A branch pattern is a branch name, or one with '*' as a"
                    + " wildcard (letters, digits, . _ - / *), up to 200 characters.");
        }
        if (requiredApprovals < 0 || requiredApprovals > MAX_APPROVALS) {
            throw new InvalidInputException("requiredApprovals", "Required approvals are 0 to " + MAX_APPROVALS + ".");
        }
        if (mergePermission == null || !mergePermission.allows(RepoPermission.WRITE)) {
            throw new InvalidInputException("mergePermission", "Who may merge: write, maintain or admin.");
        }
        if (pushPermission == null || !pushPermission.allows(RepoPermission.WRITE)) {
            throw new InvalidInputException("pushPermission", "Who may push directly: write, maintain or admin.");
        }
    }

    /** The rule the default branch has until a maintainer changes it. */
    public static ProtectionRule defaultFor(String branch) {
        return new ProtectionRule(branch, 1, true, true, false, RepoPermission.MAINTAIN, RepoPermission.MAINTAIN);
    }

    /**
     * Whether the rule covers {@code branch}: folder by folder, {@code *} matching any run of
     * characters within one folder name. Linear in the lengths (no regular expression: a pattern
     * such as {@code a*-*-*-*-x} is a user's input and must not backtrack exponentially).
     */
    public boolean matches(String branch) {
        if (!pattern.contains("*")) {
            return pattern.equals(branch);
        }
        String[] patternParts = pattern.split("/", -1);
        String[] branchParts = branch.split("/", -1);
        if (patternParts.length != branchParts.length) {
            return false;
        }
        for (int i = 0; i < patternParts.length; i++) {
            if (!Wildcards.matches(patternParts[i], branchParts[i])) {
                return false;
            }
        }
        return true;
    }
}
