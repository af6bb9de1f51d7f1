package dev.adapthub.core.notification;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code @name} in a comment: a name as accounts have them, not inside a word or an e-mail
 * address ({@code me@example.org} mentions nobody), not in code ({@code `@x`} or a fenced block).
 */
final class Mentions {

    /** More mentions than this in one comment are ignored: a comment is not a mailing list. */
    static final int MAX = 20;

    private static final Pattern MENTION = Pattern.compile(
            "(?<![A-Za-z0-9._@/`-])@([A-Za-z0-9](?:[A-Za-z0-9_-]|\\.(?=[A-Za-z0-9]))*)");
    private static final Pattern CODE = Pattern.compile("(?s)```.*?(```|$)|`[^`\\n]*`");

    private Mentions() {
    }

    /** The names mentioned, lower-case, in order of first mention, at most {@link #MAX}. */
    static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = MENTION.matcher(CODE.matcher(text).replaceAll(" "));
        while (m.find() && names.size() < MAX) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
