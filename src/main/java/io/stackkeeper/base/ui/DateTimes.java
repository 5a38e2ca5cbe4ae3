package io.stackkeeper.base.ui;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The portal's ways of writing a moment, the same on every page. */
public final class DateTimes {

    /** {@code 2026-12-03 14:05}, in the portal's zone: history rows and facts. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** {@code 2026-12-03 14:05:09}, in the portal's zone: the audit trail and component readings. */
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** {@code Thu 2026-12-03 02:00 UTC}: schedules, which run in UTC. */
    public static final DateTimeFormatter SCHEDULE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** {@code 20261203-140509}, in UTC: in the names of downloaded files. */
    public static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DateTimes() {
    }
}
