package io.stackkeeper.logs;

import java.util.List;

/**
 * A page of a search of the kept logs.
 *
 * @param lines the matching lines (stack traces folded in), oldest first, newest last
 * @param more whether the range holds more matches than the page (past its older end when the search was for the
 *        newest, past its newer end otherwise)
 * @param hoursRead the hour files that were opened
 * @param hoursSkipped the hour files whose summaries showed they held no match
 */
record HistoryPage(List<LogLine> lines, boolean more, int hoursRead, int hoursSkipped) {

    HistoryPage {
        lines = List.copyOf(lines);
    }
}
