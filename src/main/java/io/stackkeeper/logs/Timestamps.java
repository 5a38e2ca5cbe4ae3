package io.stackkeeper.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The times loggers write, read without exceptions on the common path (a log line that has no time must cost no
 * more than one that has): RFC 3339 with a zone, and epoch numbers in seconds, milliseconds, micro- or nanoseconds.
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * An RFC 3339 time such as {@code 2026-12-03T09:30:23.123456789Z} or {@code 2026-12-03 10:30:23,5+01:00}
     * (T, t or a space between date and time; a dot or comma before at most nine fraction digits, more are ignored;
     * Z, z, {@code ±HH:MM} or {@code ±HHMM}). Null for anything else, including a time without a zone, whose meaning
     * only the writer knows.
     */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n > 48 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || "Tt ".indexOf(text.charAt(10)) < 0) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (text.charAt(i) == '.' || text.charAt(i) == ',') {
            int start = ++i;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                if (i - start < 9) {
                    nanos = nanos * 10 + text.charAt(i) - '0';
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(text, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
        } catch (DateTimeException e) {
            return null; // the 31st of a short month
        }
    }

    /** An epoch time in whole seconds, milliseconds, microseconds or nanoseconds, told apart by size; null if < 0. */
    static Instant ofEpoch(long value) {
        if (value < 0) {
            return null;
        }
        if (value < 100_000_000_000L) {
            return Instant.ofEpochSecond(value);
        }
        if (value < 100_000_000_000_000L) {
            return Instant.ofEpochMilli(value);
        }
        if (value < 100_000_000_000_000_000L) {
            return Instant.ofEpochSecond(value / 1_000_000, value % 1_000_000 * 1_000);
        }
        return Instant.ofEpochSecond(value / 1_000_000_000, value % 1_000_000_000);
    }

    /** An epoch time with a fraction, as zap writes seconds ({@code 1733218223.123}); null if negative or not finite. */
    static Instant ofEpoch(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            return null;
        }
        if (value >= 100_000_000_000d) {
            return value < Long.MAX_VALUE ? ofEpoch((long) value) : null;
        }
        long seconds = (long) value;
        long nanos = Math.min(999_999_999, Math.round((value - seconds) * 1e9));
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The zone at {@code i} to the end as seconds east of UTC, or {@code Integer.MIN_VALUE} when there is none. */
    private static int offsetSeconds(String text, int i) {
        int n = text.length();
        if (i == n - 1 && (text.charAt(i) == 'Z' || text.charAt(i) == 'z')) {
            return 0;
        }
        if (i >= n || text.charAt(i) != '+' && text.charAt(i) != '-') {
            return Integer.MIN_VALUE;
        }
        boolean colon = n - i == 6 && text.charAt(i + 3) == ':';
        if (!colon && n - i != 5) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, i + 1, i + 3);
        int minutes = digits(text, colon ? i + 4 : i + 3, n);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return text.charAt(i) == '-' ? -seconds : seconds;
    }

    private static int digits(String text, int from, int to) {
        return (int) decimal(text, from, to);
    }

    /** The decimal number the chars from {@code from} to {@code to} spell (at most 18 digits), or -1 if one is no digit. */
    static long decimal(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }
}
