package io.stackkeeper.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds the lines of a stack trace into the line they belong to, the previous line of the same container: Java's
 * {@code \tat ...}, {@code Caused by:}, {@code ... 5 more} and the exception line that starts a trace; Python's
 * {@code Traceback (most recent call last):}, its indented {@code File} and code lines and the exception it ends
 * with; any line that starts with a tab. A group holds at most {@link LogLine#MAX_CONTINUATION} folded lines and
 * {@link LogLine#MAX_CHARS} chars of them; the line after that starts a new group, so nothing is dropped.
 * Not thread-safe: one per tail.
 */
final class LogGrouper {

    private static final int LONGEST_NAME = 300;

    private final Map<String, Group> open = new LinkedHashMap<>();

    /**
     * Takes the next line of a tail; answers the group it completes, the previous one of its container, if any. The
     * line itself is held until a line of its container that does not continue it, or {@link #flush}.
     */
    Optional<LogLine> add(LogLine line) {
        Group group = open.get(line.container());
        if (group != null && group.takes(line)) {
            group.add(line);
            return Optional.empty();
        }
        open.remove(line.container()); // so that flush hands out groups in the order they started
        open.put(line.container(), new Group(line));
        return group == null ? Optional.empty() : Optional.of(group.close());
    }

    /** Completes every open group: when the tail has been quiet for a moment, or ends. */
    List<LogLine> flush() {
        List<LogLine> lines = new ArrayList<>(open.size());
        open.values().forEach(group -> lines.add(group.close()));
        open.clear();
        return lines;
    }

    /** Groups a batch of lines (the last lines of the containers, say) in the order of the lines that start groups. */
    static List<LogLine> group(List<LogLine> lines) {
        List<Group> groups = new ArrayList<>();
        Map<String, Group> open = new HashMap<>();
        for (LogLine line : lines) {
            Group group = open.get(line.container());
            if (group != null && group.takes(line)) {
                group.add(line);
            } else {
                group = new Group(line);
                groups.add(group);
                open.put(line.container(), group);
            }
        }
        List<LogLine> grouped = new ArrayList<>(groups.size());
        groups.forEach(group -> grouped.add(group.close()));
        return grouped;
    }

    /** A line and what was folded into it so far. */
    private static final class Group {

        private final LogLine head;
        private List<String> lines;
        private long chars;
        private boolean traceback;

        Group(LogLine head) {
            this.head = head;
            traceback = head.raw().startsWith("Traceback ");
            for (String line : head.continuation()) {
                traceback |= line.startsWith("Traceback ");
            }
        }

        boolean takes(LogLine line) {
            return size() < LogLine.MAX_CONTINUATION && chars + line.message().length() <= LogLine.MAX_CHARS
                    && continues(line);
        }

        void add(LogLine line) {
            if (lines == null) {
                lines = new ArrayList<>(head.continuation());
            }
            lines.add(line.message());
            chars += line.message().length();
            traceback |= line.raw().startsWith("Traceback ");
        }

        LogLine close() {
            return lines == null ? head : head.withContinuation(lines);
        }

        private int size() {
            return lines == null ? head.continuation().size() : lines.size();
        }

        private String last() {
            List<String> folded = lines == null ? head.continuation() : lines;
            return folded.isEmpty() ? null : folded.get(folded.size() - 1);
        }

        private boolean continues(LogLine line) {
            String text = line.raw();
            if (text.startsWith("\t") || text.startsWith("Caused by:")
                    || text.startsWith("Traceback (most recent call last)")
                    || text.startsWith("During handling of the above exception")
                    || text.startsWith("The above exception was the direct cause")) {
                return true;
            }
            if (text.startsWith(" ")) {
                int from = 1;
                while (from < text.length() && text.charAt(from) == ' ') {
                    from++;
                }
                return traceback || text.startsWith("at ", from) || text.startsWith("... ", from)
                        || text.startsWith("Caused by:", from) || text.startsWith("Suppressed:", from);
            }
            if (traceback) {
                String last = last();
                // the blank lines between chained tracebacks, and the exception that ends one
                return text.isBlank()
                        || line.level() == null && last != null && last.startsWith(" ") && isExceptionLine(text, false);
            }
            return size() == 0 && isExceptionLine(text, true);
        }

        /**
         * Whether a line starts with an exception's name: {@code java.lang.IllegalStateException: boom} (dotted, a name
         * ending in Exception, Error or Throwable), or for Python any name such as {@code KeyError: 'id'}.
         */
        private static boolean isExceptionLine(String text, boolean java) {
            if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
                return false;
            }
            int end = 1;
            boolean dotted = false;
            for (; end < text.length() && text.charAt(end) != ':'; end++) {
                char c = text.charAt(end);
                dotted |= c == '.';
                if (end == LONGEST_NAME || c != '.' && !Character.isJavaIdentifierPart(c)) {
                    return false;
                }
            }
            String name = text.substring(0, end);
            return !java || dotted && (name.endsWith("Exception") || name.endsWith("Error") || name.endsWith("Throwable"));
        }
    }
}
