package dev.adapthub.web.browse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Commit times as the browse pages print them: minutes, in UTC, so every reader sees the same
 * instant, written the way the page's language writes a date ({@code 2026-12-04 14:02 UTC},
 * {@code 2026年12月4日 14:02 UTC}). The language is the request's (LocaleContextHolder).
 */
public final class TimeFormat {

    public static final TimeFormat UTC = new TimeFormat();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {
    }

    public String time(Instant when) {
        if (when == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return ("zh".equals(locale.getLanguage()) ? CHINESE : FORMAT).format(when);
    }
}
