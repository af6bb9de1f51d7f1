package dev.adapthub.core.adaptation;

import java.nio.charset.StandardCharsets;

/**
 * A download: the bytes, how to label them, and the validation they come from.
 *
 * @param fileName what to save the bytes as
 * @param etag     strong, quoted; changes with the file's blob and the format
 */
public record ValidatedConfig(byte[] content, String contentType, String fileName, String etag,
        AdaptationValidation validation) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
