package dev.adapthub.chips.config;

/**
 * One thing wrong with a config file.
 *
 * @param path    dotted field path ({@code limits.maxModelLen}); empty for the whole document
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong
 * @param hint    what to do, may be empty
 */
public record ConfigProblem(String path, int line, int column, String message, String hint) {

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + (path.isEmpty() ? "" : ", ") : "";
        return where + (path.isEmpty() ? "" : path) + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
