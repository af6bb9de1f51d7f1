package dev.adapthub.chips.results;

import dev.adapthub.chips.validate.Severity;

/**
 * Something about a run file a contributor should know: an {@code ERROR} keeps the run out of
 * the matrix and fails the pull request's check; warnings and infos are shown beside it.
 *
 * @param code     stable, upper-case ({@link ResultCodes}); people and tools search for it
 * @param path     the run file's repository path, or a field in it ({@code file.json#mean_ttft_ms})
 * @param hint     what to do next; empty when there is nothing to do
 */
public record ResultFinding(String code, Severity severity, String path, String message, String hint) {

    public ResultFinding {
        hint = hint == null ? "" : hint;
    }

    static ResultFinding error(String code, String path, String message, String hint) {
        return new ResultFinding(code, Severity.ERROR, path, message, hint);
    }

    static ResultFinding warning(String code, String path, String message, String hint) {
        return new ResultFinding(code, Severity.WARNING, path, message, hint);
    }

    static ResultFinding info(String code, String path, String message, String hint) {
        return new ResultFinding(code, Severity.INFO, path, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
