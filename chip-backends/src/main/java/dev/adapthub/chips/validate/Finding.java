package dev.adapthub.chips.validate;

/**
 * One result of a check.
 *
 * @param code     stable machine-readable code (see {@link FindingCodes})
 * @param severity ERROR, WARNING or INFO
 * @param path     config field path the finding is about ({@code limits.maxModelLen}); empty for the whole config
 * @param message  what was found
 * @param hint     what to do; may be empty
 * @param line     1-based line of {@code path} in the config file, 0 when unknown
 * @param column   1-based column, 0 when unknown
 */
public record Finding(String code, Severity severity, String path, String message, String hint, int line, int column) {

    /** A finding without a source position. */
    public static Finding of(String code, Severity severity, String path, String message, String hint) {
        return new Finding(code, severity, path, message, hint == null ? "" : hint, 0, 0);
    }

    /** The same finding placed at a line and column. */
    public Finding at(int newLine, int newColumn) {
        return new Finding(code, severity, path, message, hint, newLine, newColumn);
    }
}
