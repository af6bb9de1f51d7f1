package dev.adapthub.core.account;

import dev.adapthub.core.common.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: 10 characters to 72 bytes, not the account's name nor the name with a
 * few characters around it, and not one of the most common passwords (nor one of them with
 * digits or symbols added at the end, as in {@code password2024!}).
 * <p>
 * The list is {@code account/common-passwords.txt}: the 1,000 most common passwords of Mark
 * Burnett's ten-million-password corpus, as published in SecLists
 * ({@code Passwords/Common-Credentials/10-million-password-list-top-1000.txt}, MIT licence).
 */
final class PasswordRule {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads 72 bytes at most; longer input would be silently cut, so refuse it. */
    static final int MAX_BYTES = 72;
    private static final String FIELD = "password";

    private PasswordRule() {
    }

    /** @throws InvalidInputException naming the field {@code password}, saying what to change */
    static void check(String name, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException(FIELD, "Use a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(FIELD, "Use a password of at most " + MAX_BYTES + " bytes.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (name != null && !name.isBlank()) {
            String lowerName = name.strip().toLowerCase(Locale.ROOT);
            if (lower.contains(lowerName) && lower.replace(lowerName, "").length() < MIN_LENGTH) {
                throw new InvalidInputException(FIELD, "Use a password that is not your user name: the name"
                        + " does not count toward the " + MIN_LENGTH + " characters.");
            }
        }
        if (isCommon(lower)) {
            throw new InvalidInputException(FIELD, "This password is on the list of the most common passwords,"
                    + " which attackers try first; choose another, e.g. a few unrelated words.");
        }
    }

    /** On the list as it is, or after dropping the digits and symbols at its end ({@code monkey12345}). */
    private static boolean isCommon(String lower) {
        String stem = lower.replaceFirst("[^\\p{L}]+$", "");
        return Common.PASSWORDS.contains(lower) || !stem.isEmpty() && Common.PASSWORDS.contains(stem);
    }

    /** Loaded on first use, once. */
    private static final class Common {

        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            InputStream in = PasswordRule.class.getResourceAsStream("/account/common-passwords.txt");
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt is missing from the class path");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read account/common-passwords.txt", e);
            }
        }
    }
}
