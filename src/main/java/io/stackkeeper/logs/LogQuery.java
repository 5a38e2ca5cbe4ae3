package io.stackkeeper.logs;

import java.util.Comparator;
import java.util.List;

/**
 * A filter of log lines, as typed above the logs page and applied on the server. Every term must hold:
 * <ul>
 * <li>{@code word}: the message, the raw line or a folded line contains it, ignoring case; {@code "a phrase"} the
 * same with its spaces ({@code \"} for a quote in it);</li>
 * <li>{@code /regex/}, or {@code /regex/i} to ignore case: a Java pattern found in those texts; at most 500 chars, and
 * at most 50 ms a line, past which matching throws {@link SlowPatternException};</li>
 * <li>{@code name:value}: the field is the value, ignoring case; {@code name:value*} starts with it; {@code name:*}
 * exists. Names are the JSON members, and {@code container}, {@code logger}, {@code message}; a value may be quoted,
 * {@code route:"/a b"}. A word with a colon after a name is a field, so quote {@code "a:b"} to find it as text;
 * {@code http://...} stays text;</li>
 * <li>{@code level:error}, {@code level>=warn}, {@code level>info}, {@code level<=debug}, {@code level<warn}
 * (or {@code lvl}, {@code severity}; level names as {@link LogLevel#parse} reads them), {@code level:*} any level:
 * a line without a level matches none of them;</li>
 * <li>{@code -term}: the lines the term does not match, as in {@code -logger:scheduler}.</li>
 * </ul>
 *
 * @param text the filter as typed
 * @param terms its terms, cheapest first
 * @param minLevel the least level a line must have (the page's level picker), or null for any line
 */
record LogQuery(String text, List<QueryTerm> terms, LogLevel minLevel) {

    /** Every line. */
    static final LogQuery ALL = new LogQuery("", List.of(), null);

    LogQuery {
        text = text == null ? "" : text;
        terms = terms.stream().sorted(Comparator.comparingInt(QueryTerm::cost)).toList();
    }

    /** Reads a filter; blank is every line. A bad term is an {@link IllegalArgumentException} naming it. */
    static LogQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new LogQuery(text.strip(), QueryParser.terms(text), null);
    }

    /** This filter for lines of {@code level} and above only. */
    LogQuery atLeast(LogLevel level) {
        return new LogQuery(text, terms, level);
    }

    /** Whether the line passes; a pattern that is too slow on it throws {@link SlowPatternException}. */
    boolean matches(LogLine line) {
        if (minLevel != null && (line.level() == null || line.level().compareTo(minLevel) < 0)) {
            return false;
        }
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).test(line)) {
                return false;
            }
        }
        return true;
    }
}
