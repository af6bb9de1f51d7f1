package dev.adapthub.web.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the hub's pages come in: English (the default, and the fallback for every other
 * language) and Simplified Chinese. A language is named by its BCP 47 tag ({@code en}, {@code zh-CN}),
 * which is what the cookie, the account column and the switch's form carry.
 */
public final class HubLanguages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** In the order the footer's switch offers them. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private HubLanguages() {
    }

    /**
     * The supported language a tag names: {@code en} (any English) or {@code zh-CN} (also {@code zh},
     * {@code zh-Hans}, {@code zh_CN}); empty for anything else, so no unsupported value is ever stored.
     */
    public static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 16) {
            return Optional.empty();
        }
        Locale asked = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        if ("en".equals(asked.getLanguage())) {
            return Optional.of(ENGLISH);
        }
        boolean simplified = asked.getCountry().isEmpty() || "CN".equals(asked.getCountry()) || "SG".equals(asked.getCountry());
        if ("zh".equals(asked.getLanguage()) && (simplified || "Hans".equals(asked.getScript()))
                && !"Hant".equals(asked.getScript())) {
            return Optional.of(CHINESE);
        }
        return Optional.empty();
    }

    /** The tag a supported language is saved and posted as. */
    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }

    /** The first of the browser's preferred languages the hub offers; English when none is. */
    static Locale fromAcceptLanguage(java.util.Enumeration<Locale> preferred) {
        while (preferred != null && preferred.hasMoreElements()) {
            Optional<Locale> one = parse(preferred.nextElement().toLanguageTag());
            if (one.isPresent()) {
                return one.get();
            }
        }
        return ENGLISH;
    }
}
