package io.stackkeeper.logs;

import java.util.List;

/**
 * A page of kept log lines, oldest first.
 *
 * @param lines the lines, stack traces folded into the line they belong to
 * @param more whether more lines match in the range than the page holds (the older ones, when the page ends at now)
 */
public record LogPage(List<LogLine> lines, boolean more) {

    public LogPage {
        lines = List.copyOf(lines);
    }
}
