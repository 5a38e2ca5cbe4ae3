package io.stackkeeper.logs;

import io.stackkeeper.base.TimedText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One condition of a {@link LogQuery}. */
sealed interface QueryTerm {

    boolean test(LogLine line);

    /** The order a query tests its terms in: the cheap ones first, so that most lines never reach a pattern. */
    int cost();

    /** A word or phrase found in the message, the raw line or a folded line, ignoring case. */
    record Text(String needle) implements QueryTerm {

        @Override
        public boolean test(LogLine line) {
            // a plain line's message is its raw text itself, the same object, unless it needed cleaning
            if (contains(line.message()) || line.raw() != line.message() && contains(line.raw())) {
                return true;
            }
            List<String> folded = line.continuation();
            for (int i = 0; i < folded.size(); i++) {
                if (contains(folded.get(i))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int cost() {
            return 2;
        }

        /** As {@code regionMatches(true, ...)} at each place the first char can match, without lower-casing a copy. */
        private boolean contains(String text) {
            int length = needle.length();
            char first = needle.charAt(0);
            char lower = Character.toLowerCase(first);
            char upper = Character.toUpperCase(first);
            for (int i = 0, last = text.length() - length; i <= last; i++) {
                char c = text.charAt(i);
                if ((c == lower || c == upper || c >= 0x80) && text.regionMatches(true, i, needle, 0, length)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A Java pattern found in the message, the raw line or a folded line, within {@link #LIMIT_MILLIS} a line. */
    record Regex(Pattern pattern) implements QueryTerm {

        static final long LIMIT_MILLIS = 50;

        @Override
        public boolean test(LogLine line) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
            Matcher matcher = pattern.matcher(timed(line.message(), deadline));
            if (matcher.find() || line.raw() != line.message() && matcher.reset(timed(line.raw(), deadline)).find()) {
                return true;
            }
            List<String> folded = line.continuation();
            for (int i = 0; i < folded.size(); i++) {
                if (matcher.reset(timed(folded.get(i), deadline)).find()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int cost() {
            return 3;
        }

        private TimedText timed(String text, long deadline) {
            return new TimedText(text, deadline, () -> new SlowPatternException(pattern.pattern(), LIMIT_MILLIS));
        }
    }

    /**
     * A field that is {@code value} ignoring case, or starts with it when {@code prefix} (an empty prefix: any value).
     * The names {@code container}, {@code logger} and {@code message} (and the JSON names read as them) stand for
     * those parts of the line; any other is a JSON member.
     */
    record Field(String name, String value, boolean prefix) implements QueryTerm {

        @Override
        public boolean test(LogLine line) {
            String actual = valueOf(line);
            if (actual == null) {
                return false;
            }
            return prefix ? actual.regionMatches(true, 0, value, 0, value.length()) : actual.equalsIgnoreCase(value);
        }

        @Override
        public int cost() {
            return 1;
        }

        private String valueOf(LogLine line) {
            if (name.equals("container")) {
                return line.container();
            }
            return switch (JsonLineReader.Role.of(name)) {
                case LOGGER -> line.logger() != null ? line.logger() : line.fields().get(name);
                case MESSAGE -> line.message();
                default -> line.fields().get(name);
            };
        }
    }

    /** A level from {@code lowest} to {@code highest}; a line without a level is in no range. */
    record Level(LogLevel lowest, LogLevel highest) implements QueryTerm {

        @Override
        public boolean test(LogLine line) {
            LogLevel level = line.level();
            return level != null && level.compareTo(lowest) >= 0 && level.compareTo(highest) <= 0;
        }

        @Override
        public int cost() {
            return 0;
        }
    }

    /** The lines a term does not match. */
    record Not(QueryTerm term) implements QueryTerm {

        @Override
        public boolean test(LogLine line) {
            return !term.test(line);
        }

        @Override
        public int cost() {
            return term.cost();
        }
    }
}
