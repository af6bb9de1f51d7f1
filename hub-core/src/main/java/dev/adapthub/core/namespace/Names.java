package dev.adapthub.core.namespace;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.git.GitPaths;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for user and organization names. Both share one namespace, because both own
 * repositories at {@code /{owner}/{name}}; so a name must also not shadow a hub route.
 */
public final class Names {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 39;

    /** Letters, digits, '-', '_' and '.'; starts and ends with a letter or digit. */
    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");

    /** First path segments the hub itself serves, plus names that would mislead. */
    static final Set<String> RESERVED = Set.of(
            "about", "account", "accounts", "admin", "api", "assets", "chips", "collections", "css", "datasets",
            "docs", "error", "explore", "favicon.ico", "help", "images", "js", "login", "logout",
            "matrix", "models", "new", "orgs", "organizations", "register", "robots.txt", "search",
            "settings", "signup", "spaces", "static", "tools", "user", "users", "webjars", "actuator",
            "root", "system", "adapthub", "anonymous", "null", "undefined",
            // the status page (/status)
            "status",
            // people and notifications (/notifications)
            "notifications");

    private Names() {
    }

    /**
     * Checks a proposed name and returns it unchanged when valid.
     *
     * @param field the form or API field the name came from, named in the error
     * @throws InvalidInputException saying what is wrong and what is allowed
     */
    public static String requireValid(String field, String name) {
        requireWellFormed(field, name);
        if (RESERVED.contains(lower(name))) {
            throw new InvalidInputException(field, "'" + name + "' is reserved by the hub; choose another name.");
        }
        return name;
    }

    /**
     * Checks only the shape of a name, not the reserved list: for names the hub itself
     * chooses, such as its administrator's.
     */
    public static String requireWellFormed(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "Enter a name.");
        }
        refuseInvisibleOrDecomposed(field, name);
        if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "A name has " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters; this one has " + name.length() + ".");
        }
        if (!PATTERN.matcher(name).matches()) {
            throw new InvalidInputException(field, "Use letters, digits, '-', '_' and '.' only, starting and"
                    + " ending with a letter or digit.");
        }
        if (name.contains("..") || name.contains("--")) {
            throw new InvalidInputException(field, "A name may not contain '..' or '--'.");
        }
        return name;
    }

    /**
     * Refuses invisible code points ({@link GitPaths#isIgnorable}) and names not in Unicode NFC with a
     * message that says so: the ASCII pattern refuses them too, but "use letters, digits..." does not
     * tell a user who pasted {@code .g\u200Dit} or {@code ali\u200Bce} what is wrong. Shared by user,
     * organization and repository names.
     */
    public static void refuseInvisibleOrDecomposed(String field, String name) {
        name.codePoints().filter(GitPaths::isIgnorable).findFirst().ifPresent(cp -> {
            throw new InvalidInputException(field, "The name has invisible characters ("
                    + String.format("U+%04X", cp) + "); type it without them.");
        });
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            throw new InvalidInputException(field, "The name contains combining accents; use letters, digits, '-', '_'"
                    + " and '.' only.");
        }
    }

    /** Whether a looked-up name could exist at all; lookups skip the database when not. */
    public static boolean isWellFormed(String name) {
        return name != null && name.length() >= MIN_LENGTH && name.length() <= MAX_LENGTH
                && PATTERN.matcher(name).matches();
    }

    /** The form names are compared in: case-insensitive uniqueness. */
    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
