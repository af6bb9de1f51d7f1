package dev.adapthub.core.pull.check;

import java.util.List;

/**
 * The checks of one pull request at one head.
 *
 * @param runs the latest run per config and chip at that head (a re-run replaces the earlier one)
 */
public record CheckSummary(String head, List<CheckRun> runs) {

    public CheckSummary {
        runs = List.copyOf(runs);
    }

    public boolean none() {
        return runs.isEmpty();
    }

    public long count(CheckStatus status) {
        return runs.stream().filter(r -> r.status() == status).count();
    }

    public boolean running() {
        return count(CheckStatus.PENDING) > 0;
    }

    public boolean allSucceeded() {
        return runs.stream().allMatch(r -> r.status() == CheckStatus.SUCCESS);
    }

    /** The overall state: success, failure, error, pending or none. */
    public String state() {
        if (runs.isEmpty()) {
            return "none";
        }
        if (running()) {
            return "pending";
        }
        if (count(CheckStatus.ERROR) > 0) {
            return "error";
        }
        return count(CheckStatus.FAILURE) > 0 ? "failure" : "success";
    }
}
