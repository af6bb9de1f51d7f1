package dev.adapthub.web.repo;

import java.util.Optional;

/**
 * Text a browser sent from a textarea. Browsers end every line with CRLF; a file stored with LF
 * would then show every line as changed. The file keeps its own line endings: LF unless the file
 * being edited already used CRLF.
 */
public final class EditedText {

    private EditedText() {
    }

    /**
     * @param submitted the textarea's content, null for empty
     * @param original  the file as it was before the edit, empty for a new file
     */
    public static String keepLineEndings(String submitted, Optional<String> original) {
        String text = submitted == null ? "" : submitted;
        if (!text.contains("\r\n") || original.map(o -> o.contains("\r\n")).orElse(false)) {
            return text;
        }
        return text.replace("\r\n", "\n");
    }
}
