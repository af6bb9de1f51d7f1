package dev.adapthub.chips.export;

/** An engine's own configuration that cannot be turned into a hub config (unknown flag, bad value). */
public class ExportException extends Exception {

    public ExportException(String message) {
        super(message);
    }
}
