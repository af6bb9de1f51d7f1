package dev.adapthub.web.adaptation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A validation finding's message and hint in the reader's language (bundle {@code i18n/findings}).
 *
 * <p>Reports are stored as JSON with the English text chip-backends rendered, and their digest covers
 * that text, so the arguments are not kept apart. Instead the bundle holds, per finding code, the
 * English patterns chip-backends writes ({@code finding.<CODE>.message.<n>}, {@code .hint.<n>}, with
 * {@code {0}}… for the values) beside their translations: a message that matches an English pattern
 * gets the translated pattern with the same values. Texts several codes share (a backend family's
 * gates, "use one of …") sit under {@code finding.common.message.<n>} and {@code finding.common.hint.<n>}.
 * A message no pattern matches (a backend's own
 * wording, a parser error) shows as the code's translated title ({@code finding.<CODE>}) followed by
 * the English text; an unknown code shows the English text alone. English readers get the stored
 * text untouched.
 */
@Component("findingTexts")
public class FindingTexts {

    static final String PREFIX = "finding.";
    /** Backend refusals (SUPPORT_…) whose text comes from a family gate, whatever their code. */
    static final String COMMON_MESSAGE = PREFIX + "common.message.";
    private static final String SUPPORT = "SUPPORT_";
    /** Hints several codes share ("use one of …"). */
    static final String COMMON_HINT = PREFIX + "common.hint.";
    private static final int MAX_VARIANTS = 40;
    private static final Pattern ARG = Pattern.compile("\\{(\\d)}");
    private static final Pattern SUMMARY_SPLIT = Pattern.compile("; (?=[A-Z][A-Z0-9_]{3,}: )");
    private static final Pattern SUMMARY_PART = Pattern.compile("([A-Z][A-Z0-9_]{3,}): (.*)", Pattern.DOTALL);

    private final MessageSource messages;

    FindingTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The finding's message for a reader in {@code locale}. */
    public String message(String code, String english, Locale locale) {
        if (english == null || english.isEmpty() || isEnglish(locale)) {
            return english;
        }
        String translated = translate(PREFIX + code + ".message.", english, locale);
        if (translated == null && code != null && code.startsWith(SUPPORT)) {
            translated = translate(COMMON_MESSAGE, english, locale);
        }
        if (translated != null) {
            return translated;
        }
        String title = messages.getMessage(PREFIX + code, null, null, locale);
        return title == null ? english : title + separator(locale) + english;
    }

    /** The finding's hint for a reader in {@code locale}; the English hint where no pattern matches. */
    public String hint(String code, String english, Locale locale) {
        if (english == null || english.isEmpty() || isEnglish(locale)) {
            return english;
        }
        String translated = translate(PREFIX + code + ".hint.", english, locale);
        if (translated == null) {
            translated = translate(COMMON_HINT, english, locale);
        }
        return translated == null ? english : translated;
    }

    /**
     * A pull request check's summary ({@code CODE: message; CODE: message}, as hub-core's CheckExecutor
     * writes it) with each finding's message in {@code locale}. A summary whose parts are not all
     * findings of known codes (a check that could not run, measured results) is returned as it is.
     */
    public String summary(String summary, Locale locale) {
        if (summary == null || summary.isEmpty() || isEnglish(locale)) {
            return summary;
        }
        List<String> out = new ArrayList<>();
        for (String part : SUMMARY_SPLIT.split(summary)) {
            Matcher m = SUMMARY_PART.matcher(part);
            if (!m.matches() || messages.getMessage(PREFIX + m.group(1), null, null, Locale.ENGLISH) == null) {
                return summary;
            }
            out.add(m.group(1) + ": " + message(m.group(1), m.group(2), locale));
        }
        return String.join("; ", out);
    }

    private String translate(String keyPrefix, String english, Locale locale) {
        for (int n = 1; n <= MAX_VARIANTS; n++) {
            String pattern = messages.getMessage(keyPrefix + n, null, null, Locale.ENGLISH);
            if (pattern == null) {
                return null;
            }
            List<String> args = match(pattern, english);
            if (args != null) {
                String target = messages.getMessage(keyPrefix + n, null, null, locale);
                return target == null ? null : fill(target, args);
            }
        }
        return null;
    }

    /** The values in {@code text} at the pattern's {@code {n}} places; null when the text does not have its shape. */
    static List<String> match(String pattern, String text) {
        StringBuilder regex = new StringBuilder("^");
        List<Integer> order = new ArrayList<>();
        Matcher m = ARG.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("(.+?)");
            order.add(Integer.parseInt(m.group(1)));
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last))).append('$');
        Matcher found = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text);
        if (!found.matches()) {
            return null;
        }
        String[] args = new String[order.stream().mapToInt(i -> i + 1).max().orElse(0)];
        for (int i = 0; i < order.size(); i++) {
            args[order.get(i)] = found.group(i + 1);
        }
        return List.of(java.util.Arrays.stream(args).map(a -> a == null ? "" : a).toArray(String[]::new));
    }

    /** {@code pattern} with each {@code {n}} replaced by the n-th value (no MessageFormat quoting rules). */
    static String fill(String pattern, List<String> args) {
        Matcher m = ARG.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < args.size() ? args.get(i) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isEnglish(Locale locale) {
        return locale == null || "en".equals(locale.getLanguage());
    }

    private static String separator(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "：" : ": ";
    }
}
