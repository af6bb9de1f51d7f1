package dev.adapthub.web.browse;

import dev.adapthub.core.common.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The path segments of a request URI, each percent-decoded exactly once. Decoding happens here,
 * from the raw URI, because a second decode (or none) is how encoded traversals such as
 * {@code %252e%252e} or {@code %2e%2e} slip past path checks; {@link dev.adapthub.git.GitPaths}
 * then sees the real characters. Invalid escapes and bytes that are not UTF-8 are refused (422).
 */
public final class UrlSegments {

    private UrlSegments() {
    }

    /** The decoded segments of {@code rawPath} (no leading empty segment; a trailing '/' is kept as ""). */
    public static List<String> decode(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/", -1)) {
            segments.add(decodeOnce(raw));
        }
        return segments;
    }

    static String decodeOnce(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                throw new InvalidInputException("path", "The address has a broken percent-escape near '"
                        + raw.substring(i, Math.min(raw.length(), i + 3)) + "'; escape '%' as %25.");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("path", "The address is not valid UTF-8 once decoded; file and"
                    + " revision names must be UTF-8.");
        }
    }
}
