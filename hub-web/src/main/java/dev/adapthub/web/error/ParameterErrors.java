package dev.adapthub.web.error;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What to tell the sender of a query parameter Spring could not bind ({@code ?page=abc},
 * {@code ?sort=bogus}, a required one left out): its name and what it takes. The page, REST and
 * Hugging Face error advice all answer 400 with this text; without it the page said "see below for
 * what to fix" above nothing, and the JSON APIs gave Boot's bare "Bad Request".
 */
public final class ParameterErrors {

    private static final int MAX_VALUE_SHOWN = 40;

    private ParameterErrors() {
    }

    public static String message(MethodArgumentTypeMismatchException e) {
        Object value = e.getValue();
        String shown = value == null ? "" : value.toString();
        if (shown.length() > MAX_VALUE_SHOWN) {
            shown = shown.substring(0, MAX_VALUE_SHOWN) + "…";
        }
        return "The parameter '" + e.getName() + "' must be " + expected(e.getRequiredType()) + ", not '" + shown + "'.";
    }

    public static String message(MissingServletRequestParameterException e) {
        return "The parameter '" + e.getParameterName() + "' is required.";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another form";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number up to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }
}
