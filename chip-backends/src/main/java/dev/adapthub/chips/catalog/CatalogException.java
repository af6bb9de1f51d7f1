package dev.adapthub.chips.catalog;

/**
 * A chip profile could not be read: names the file and the field path, and says what to fix.
 */
public class CatalogException extends RuntimeException {

    private final String file;
    private final String path;

    public CatalogException(String file, String path, String problem) {
        super(file + (path.isEmpty() ? "" : " at " + path) + ": " + problem);
        this.file = file;
        this.path = path;
    }

    public CatalogException(String file, String path, String problem, Throwable cause) {
        this(file, path, problem);
        initCause(cause);
    }

    /** The catalog file (resource name or path). */
    public String file() {
        return file;
    }

    /** Dotted field path inside the file, empty for the whole file. */
    public String path() {
        return path;
    }
}
