package dev.adapthub.core.backup;

/**
 * A backup or restore that cannot go ahead, with a message saying what was wrong and what to do.
 * Thrown before anything is changed when the input is bad (not a backup, a checksum that does not
 * match, a target that is not empty); the command line prints the message and exits with status 2.
 */
public class BackupException extends Exception {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
