package dev.adapthub.web.browse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Commit times as the browse pages print them: minutes, in UTC, so every reader sees the same text. */
public final class TimeFormat {

    public static final TimeFormat UTC = new TimeFormat();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {
    }

    public String time(Instant when) {
        return when == null ? "" : FORMAT.format(when);
    }
}
