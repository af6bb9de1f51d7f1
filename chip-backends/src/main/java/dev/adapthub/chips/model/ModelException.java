package dev.adapthub.chips.model;

/**
 * A model description (config.json or a safetensors header) could not be read.
 * The message says which file, which field, and what to do.
 */
public class ModelException extends Exception {

    private final String field;

    public ModelException(String field, String message) {
        super(message);
        this.field = field;
    }

    public ModelException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The config.json key (or safetensors tensor name) at fault; empty for the whole file. */
    public String field() {
        return field;
    }
}
