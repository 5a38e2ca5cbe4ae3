package io.stackkeeper.logs;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One line a container wrote, read into what the logs page shows and filters by. Every text but {@code raw} has its
 * control characters replaced (see {@link SafeText}).
 *
 * @param container the container's name
 * @param at when the engine received the line
 * @param time when the line says it happened (its JSON time), else {@code at}
 * @param level the severity the line names, or null
 * @param logger the logger's name from the JSON, or null
 * @param message the JSON message's first line (empty when it has none), or the whole plain line (also a cut JSON
 *        line's text when its message was not read before the cut); a line cut at {@link #MAX_CHARS} ends with
 *        {@code " …[truncated N bytes]"}
 * @param fields the JSON object's other members in their order, strings as they are, other values as compact JSON
 * @param raw the line as the engine gave it, cut at {@link #MAX_CHARS}, control characters kept: render it escaped
 * @param truncated whether the line was longer than {@link #MAX_CHARS} and cut
 * @param continuation the lines that belong to this one: a stack trace folded in by {@link LogGrouper}, the further
 *        lines of a JSON message or of its stack-trace member
 */
public record LogLine(String container, Instant at, Instant time, LogLevel level, String logger, String message,
        Map<String, String> fields, String raw, boolean truncated, List<String> continuation) {

    /** The longest line kept, in chars (1 MiB); the rest is cut off. */
    static final int MAX_CHARS = 1 << 20;

    /** The most lines one line carries in {@code continuation}. */
    static final int MAX_CONTINUATION = 200;

    public LogLine {
        time = time == null ? at : time;
        message = message == null ? "" : message;
        // the parser hands over a map it no longer touches; wrapping it is cheaper than copying on every line
        fields = fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(fields);
        raw = raw == null ? "" : raw;
        continuation = continuation == null ? List.of() : List.copyOf(continuation);
    }

    LogLine withContinuation(List<String> lines) {
        return new LogLine(container, at, time, level, logger, message, fields, raw, truncated, lines);
    }
}
