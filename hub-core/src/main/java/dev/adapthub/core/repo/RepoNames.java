package dev.adapthub.core.repo;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.namespace.Names;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for repository names (the {@code name} in {@code owner/name}): ASCII letters, digits,
 * '-', '_' and '.', starting and ending with a letter or digit, so no spelling of {@code .git}
 * (invisible characters, trailing dots, {@code GIT~1}) can be a name; invisible characters get
 * their own message ({@link Names#refuseInvisibleOrDecomposed}).
 */
public final class RepoNames {

    public static final int MAX_LENGTH = 96;
    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");

    private RepoNames() {
    }

    public static String requireValid(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "Enter a repository name.");
        }
        Names.refuseInvisibleOrDecomposed(field, name);
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "A repository name has at most " + MAX_LENGTH
                    + " characters; this one has " + name.length() + ".");
        }
        if (!PATTERN.matcher(name).matches() || name.contains("..") || name.contains("--")) {
            throw new InvalidInputException(field, "Use letters, digits, '-', '_' and '.' only, starting and ending"
                    + " with a letter or digit, without '..' or '--'.");
        }
        if (lower(name).endsWith(".git")) {
            throw new InvalidInputException(field, "A repository name may not end with '.git'.");
        }
        return name;
    }

    public static boolean isWellFormed(String name) {
        return name != null && name.length() <= MAX_LENGTH && PATTERN.matcher(name).matches();
    }

    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
