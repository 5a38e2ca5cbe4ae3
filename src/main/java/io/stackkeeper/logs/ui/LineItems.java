package io.stackkeeper.logs.ui;

import com.vaadin.flow.data.provider.ListDataProvider;
import io.stackkeeper.logs.LogLine;
import java.util.List;

/**
 * Log lines as grid items, each its own item even when two are equal (the same text stamped with the same second):
 * the grid keys items by equality, and equal items in one list put its DataCommunicator out of step
 * (IndexOutOfBoundsException in collectKeysToFlush).
 */
final class LineItems extends ListDataProvider<LogLine> {

    private LineItems(List<LogLine> lines) {
        super(lines);
    }

    static LineItems of(List<LogLine> lines) {
        return new LineItems(lines);
    }

    @Override
    public Object getId(LogLine line) {
        return new Identity(line);
    }

    /** Equal only to the same line object. */
    private static final class Identity {
        private final LogLine line;

        Identity(LogLine line) {
            this.line = line;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.line == line;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(line);
        }
    }
}
