package dev.adapthub.web.adaptation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The row names and values of the report's memory and performance tables in the reader's language
 * (bundle {@code messages}, keys {@code report.row.*}). {@link ReportView} builds the tables with
 * English names, which the JSON-free tests and the config builder share; the page translates them here.
 */
@Component("reportLabels")
public class ReportLabels {

    /** English row name → key suffix. */
    static final Map<String, String> ROWS = Map.ofEntries(
            Map.entry("Device memory (visible)", "deviceMemory"), Map.entry("Engine budget", "budget"),
            Map.entry("Weights", "weights"), Map.entry("Activations (profile run)", "activations"),
            Map.entry("Runtime overhead", "overhead"), Map.entry("KV cache", "kvCache"),
            Map.entry("Max model length", "maxModelLen"), Map.entry("Full-length sequences at once", "fullLength"),
            Map.entry("Prefill, one prompt", "prefill"), Map.entry("Time to first token", "ttft"),
            Map.entry("Decode step", "decode"), Map.entry("Sequences decoding at once", "concurrency"),
            Map.entry("Output tokens/s (all sequences)", "outputTps"), Map.entry("Bound by", "bound"));
    private static final Pattern KV_TOKENS = Pattern.compile("(.+) = (\\d+) tokens");
    private static final Pattern LARGEST = Pattern.compile("(\\d+) \\(largest that fits: (\\d+)\\)");

    private final MessageSource messages;

    ReportLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** A row's name in {@code locale}; the English name when it has no key. */
    public String name(String english, Locale locale) {
        String key = ROWS.get(english);
        return key == null ? english : messages.getMessage("report.row." + key, null, english, locale);
    }

    /** A row's value in {@code locale}: the figures stay, the words around them are translated. */
    public String value(String english, String value, Locale locale) {
        String key = ROWS.get(english);
        if (key == null || value == null) {
            return value;
        }
        Matcher m;
        if (key.equals("kvCache") && (m = KV_TOKENS.matcher(value)).matches()) {
            return messages.getMessage("report.value.kvTokens", new Object[] {m.group(1), m.group(2)}, value, locale);
        }
        if (key.equals("maxModelLen") && (m = LARGEST.matcher(value)).matches()) {
            return messages.getMessage("report.value.largest", new Object[] {m.group(1), m.group(2)}, value, locale);
        }
        if (key.equals("bound")) {
            return messages.getMessage("report.bound." + value, null, value, locale);
        }
        return value;
    }
}
