package io.stackkeeper.logs;

import java.util.Locale;

/** The severity of a log line, in the order of the filter's {@code level>=warn}. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /**
     * The level a vendor's word or number stands for, ignoring case: the names themselves, the short forms
     * (trc, dbg, inf, wrn, err, ftl, crit), java.util.logging's (finest, fine, severe), syslog's (notice, emerg, alert,
     * critical), Go's panic, MongoDB's letters (I, W, E, F, D1..D5), syslog's numbers 0..7 and bunyan/pino's 10..60.
     * Null for anything else.
     */
    static LogLevel parse(String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip();
        if (w.isEmpty() || w.length() > 13) {
            return null;
        }
        if (isDigits(w)) {
            return w.length() > 2 ? null : ofNumber(Integer.parseInt(w));
        }
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "trace", "trc", "finest", "finer", "verbose", "vrb" -> TRACE;
            case "debug", "dbg", "fine", "config", "d", "d1", "d2", "d3", "d4", "d5" -> DEBUG;
            case "info", "inf", "information", "informational", "notice", "i" -> INFO;
            case "warn", "warning", "wrn", "w" -> WARN;
            case "error", "err", "severe", "e" -> ERROR;
            case "fatal", "ftl", "critical", "crit", "panic", "dpanic", "emerg", "emergency", "alert", "f" -> FATAL;
            default -> null;
        };
    }

    /** Syslog's severities 0 (emergency) to 7 (debug), or bunyan's and pino's 10 (trace) to 60 (fatal); else null. */
    static LogLevel ofNumber(long number) {
        return switch ((int) Math.max(-1, Math.min(number, 100))) {
            case 0, 1, 2, 60 -> FATAL;
            case 3, 50 -> ERROR;
            case 4, 40 -> WARN;
            case 5, 6, 30 -> INFO;
            case 7, 20 -> DEBUG;
            case 10 -> TRACE;
            default -> null;
        };
    }

    boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
