package io.stackkeeper.logs;

/**
 * A filter's pattern backtracked on one line for longer than its limit. The filter is refused rather than given the
 * next line: a pattern that is slow on one line is usually slow on most.
 */
public class SlowPatternException extends IllegalArgumentException {

    SlowPatternException(String pattern, long limitMillis) {
        super("The pattern /" + QueryParser.shortened(pattern) + "/ took longer than " + limitMillis
                + " ms on one line: simplify it (nested repeats such as (a+)+ or a back-reference after one are slow).");
    }
}
