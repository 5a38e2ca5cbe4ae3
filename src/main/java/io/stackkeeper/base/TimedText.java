package io.stackkeeper.base;

import java.util.function.Supplier;

/**
 * A text that a pattern may read only until a deadline: Java's regex engine backtracks without limit on patterns
 * such as {@code ((a+)+)\1$}, and reading chars is the one thing it does all the while. Past the deadline the next
 * read throws the caller's exception.
 */
public final class TimedText implements CharSequence {

    /** Reads between two looks at the clock, so that the clock costs little next to the match. */
    private static final int READS_PER_CHECK = 1024;

    private final String text;
    private final long deadline;
    private final Supplier<? extends RuntimeException> tooSlow;
    private int reads;

    /**
     * @param deadline the {@link System#nanoTime()} after which reading fails
     * @param tooSlow what reading throws after the deadline
     */
    public TimedText(String text, long deadline, Supplier<? extends RuntimeException> tooSlow) {
        this.text = text;
        this.deadline = deadline;
        this.tooSlow = tooSlow;
    }

    @Override
    public char charAt(int index) {
        if (++reads == READS_PER_CHECK) {
            reads = 0;
            if (System.nanoTime() - deadline > 0) {
                throw tooSlow.get();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
