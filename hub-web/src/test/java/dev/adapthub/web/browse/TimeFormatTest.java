package dev.adapthub.web.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Commit times in the page's language: the same UTC minute, written as English or Chinese readers write dates. */
class TimeFormatTest {

    static final Instant WHEN = Instant.parse("2026-12-04T14:02:55Z");

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void englishAndChineseWriteTheSameMinute() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(TimeFormat.UTC.time(WHEN)).isEqualTo("2026-12-04 14:02 UTC");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(TimeFormat.UTC.time(WHEN)).isEqualTo("2026年12月4日 14:02 UTC");
        assertThat(TimeFormat.UTC.time(null)).isEmpty();
    }
}
