package io.stackkeeper.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a container wrote on one line into a {@link LogLine}: a JSON object's time, level, logger, message and
 * other members, or a plain line and the level word it starts with. Never throws: what cannot be read as JSON is a
 * plain line, a line over {@link LogLine#MAX_CHARS} is cut, and unsafe characters are replaced ({@link SafeText}).
 * Invalid UTF-8 has become U+FFFD in the engine client's decoding and passes through like any other character.
 */
final class LogParser {

    /** How far into a plain line, in chars and in words, its level word is looked for. */
    private static final int LEVEL_SCAN_CHARS = 160;
    private static final int LEVEL_SCAN_WORDS = 8;
    private static final int LONGEST_STAMP = 48;

    private LogParser() {
    }

    /** A line as the engine sends it when asked for timestamps, {@code 2026-12-03T09:30:23.123456789Z text}. */
    static LogLine parseStamped(String container, String stamped, Instant whenUnstamped) {
        String line = stamped == null ? "" : stamped;
        int space = line.indexOf(' ');
        int stampEnd = space < 0 ? line.length() : space;
        Instant at = stampEnd <= LONGEST_STAMP ? Timestamps.parse(line.substring(0, stampEnd)) : null;
        if (at == null) {
            return parse(container, whenUnstamped, line);
        }
        return parse(container, at, space < 0 ? "" : line.substring(space + 1));
    }

    /** A line of a container received by the engine at {@code at}. */
    static LogLine parse(String container, Instant at, String text) {
        String line = withoutLineBreak(text == null ? "" : text);
        boolean truncated = line.length() > LogLine.MAX_CHARS;
        String raw = truncated ? cut(line) : line;
        String marker = truncated ? " \u2026[truncated " + utf8Bytes(line, raw.length()) + " bytes]" : null;
        if (startsObject(raw)) {
            JsonLineReader.Parts parts = JsonLineReader.read(raw);
            // a cut JSON line keeps what was read before the cut: its time and level are usually first
            if (parts != null && (parts.complete || truncated)) {
                return fromJson(container, at, parts, raw, marker);
            }
        }
        String message = SafeText.clean(raw);
        return new LogLine(container, at, at, plainLevel(raw), null, marker == null ? message : message + marker, null,
                raw, truncated, null);
    }

    private static LogLine fromJson(String container, Instant at, JsonLineReader.Parts parts, String raw, String marker) {
        String message = parts.message != null ? parts.message : parts.complete ? "" : raw;
        List<String> continuation = null;
        if (message.indexOf('\n') >= 0 || parts.stack != null) {
            continuation = new ArrayList<>();
            SafeText.addLines(message, continuation, LogLine.MAX_CONTINUATION + 1);
            message = continuation.remove(0);
            if (parts.stack != null) {
                SafeText.addLines(parts.stack, continuation, LogLine.MAX_CONTINUATION);
            }
        } else {
            message = SafeText.clean(message);
        }
        return new LogLine(container, at, parts.time, parts.level, parts.logger,
                marker == null ? message : message + marker, parts.fields, raw, marker != null, continuation);
    }

    /**
     * The level word a plain line starts with, after any timestamp, bracketed thread or logfmt pairs: {@code ERROR x},
     * {@code ERROR:root:x}, {@code 2026-12-03 10:00:00,123 WARN [main] x}, {@code 10:00:00 [main] INFO x},
     * {@code 2026/12/03 10:00:00 [error] 7#7: x}, {@code time="..." level=warn msg=x}. Null when the first other word
     * is not a level, so that "GET /status 200" or "User error ..." name none.
     */
    static LogLevel plainLevel(String line) {
        int n = Math.min(line.length(), LEVEL_SCAN_CHARS);
        int i = 0;
        for (int word = 0; word < LEVEL_SCAN_WORDS; word++) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            if (start == i) {
                return null;
            }
            boolean bracketed = "[<(".indexOf(line.charAt(start)) >= 0;
            int s = bracketed ? start + 1 : start;
            if (s == i || Character.isDigit(line.charAt(s))) {
                continue; // a date, a time, a pid
            }
            int equals = s;
            while (equals < i && line.charAt(equals) != '=') {
                equals++;
            }
            if (equals < i) {
                String key = line.substring(s, equals);
                if (key.equalsIgnoreCase("level") || key.equalsIgnoreCase("lvl") || key.equalsIgnoreCase("severity")) {
                    return LogLevel.parse(unquoted(line.substring(equals + 1, i)));
                }
                continue; // another logfmt pair
            }
            int end = s;
            while (end < i && Character.isLetter(line.charAt(end))) {
                end++;
            }
            // three letters at least, so that a sentence starting with "I" or "E" is not a level
            if (end - s >= 3 && (end == i || ":]>)|".indexOf(line.charAt(end)) >= 0)) {
                LogLevel level = LogLevel.parse(line.substring(s, end));
                if (level != null) {
                    return level;
                }
            }
            if (!bracketed) {
                return null;
            }
        }
        return null;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean startsObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBlank(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static String withoutLineBreak(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    /** The first {@link LogLine#MAX_CHARS} chars, one less rather than half of a surrogate pair. */
    private static String cut(String line) {
        int end = LogLine.MAX_CHARS;
        return line.substring(0, Character.isHighSurrogate(line.charAt(end - 1)) ? end - 1 : end);
    }

    /** The size in UTF-8 of what was cut off, as the marker says bytes where the line arrived as bytes. */
    private static long utf8Bytes(String line, int from) {
        long bytes = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
