package io.stackkeeper.logs;

import java.time.Instant;

/**
 * A line as the history keeps it: when the engine received it, the container that wrote it, the text (redacted and
 * cut just past {@link LogLine#MAX_CHARS}) and how many UTF-8 bytes were cut off. Read back, it is parsed again, so a
 * better parser improves old lines too.
 *
 * @param cutBytes the bytes cut off before keeping, which the truncation marker of the parsed line reports
 */
record KeptLine(Instant at, String container, long cutBytes, String text) {

    /** The longest container name kept; engine names are far shorter. */
    static final int MAX_CONTAINER = 256;

    /** How far past the shown length a line is redacted, so that a secret across the cut is still found. */
    private static final int REDACTION_SLACK = 4096;

    /** A line from the engine, redacted and cut. */
    static KeptLine of(Instant at, String container, String raw, RedactionRules rules) {
        String name = container == null ? "" : container;
        if (name.length() > MAX_CONTAINER) {
            name = name.substring(0, MAX_CONTAINER);
        }
        String line = raw == null ? "" : raw;
        long cut = 0;
        int redactUpTo = LogLine.MAX_CHARS + REDACTION_SLACK;
        if (line.length() > redactUpTo) {
            cut += utf8Bytes(line, redactUpTo);
            line = line.substring(0, redactUpTo);
        }
        line = rules.apply(line);
        // keep one char (two for a surrogate pair) past what is shown, so the parser marks the line as cut
        int keep = LogLine.MAX_CHARS + 1;
        if (line.length() > keep) {
            if (Character.isHighSurrogate(line.charAt(keep - 1))) {
                keep++;
            }
            cut += utf8Bytes(line, keep);
            line = line.substring(0, keep);
        }
        return new KeptLine(at, name, cut, line);
    }

    /** The line parsed as the live viewer parses it, its truncation marker counting what was cut before keeping. */
    LogLine parse() {
        LogLine line = LogParser.parse(container, at, text);
        if (cutBytes == 0) {
            return line;
        }
        String message = line.message();
        long parserCut = line.truncated() ? utf8Bytes(text, line.raw().length()) : 0;
        String parserMarker = marker(parserCut);
        if (line.truncated() && message.endsWith(parserMarker)) {
            message = message.substring(0, message.length() - parserMarker.length());
        }
        return new LogLine(line.container(), line.at(), line.time(), line.level(), line.logger(),
                message + marker(parserCut + cutBytes), line.fields(), line.raw(), true, line.continuation());
    }

    /** The marker {@link LogParser} puts at the end of a cut line's message. */
    private static String marker(long bytes) {
        return " \u2026[truncated " + bytes + " bytes]";
    }

    /** UTF-8 bytes of the chars from {@code from} on, counted as {@link LogParser} counts them. */
    static long utf8Bytes(String line, int from) {
        long bytes = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
