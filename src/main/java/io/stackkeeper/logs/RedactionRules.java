package io.stackkeeper.logs;

import io.stackkeeper.base.TimedText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The portal's own redaction: regular expressions an ADMIN sets, each match replaced by {@value #MARK} before a line
 * is kept. Patterns are compiled once. A pattern may read one line for at most {@value #LIMIT_MILLIS} ms (the regex
 * engine backtracks without bound on patterns such as {@code (a+)+$}); past that the whole line is withheld rather
 * than kept half-redacted, and counted, so that a bad rule slows the writer by a bounded time and leaks nothing.
 * Thread-safe.
 */
final class RedactionRules {

    static final String MARK = "[redacted]";
    static final String WITHHELD = "[redacted: a redaction rule took too long on this line]";
    static final int MAX_RULES = 50;
    static final int MAX_PATTERN = 500;
    static final long LIMIT_MILLIS = 50;

    static final RedactionRules NONE = new RedactionRules(List.of());

    private static final String REPLACEMENT = Matcher.quoteReplacement(MARK);

    private final List<Pattern> patterns;
    private final AtomicLong withheld = new AtomicLong();

    private RedactionRules(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Compiles the rules; an {@link IllegalArgumentException} names the first that is empty, too long or invalid. */
    static RedactionRules of(List<String> rules) {
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("At most " + MAX_RULES + " redaction rules, " + rules.size() + " given");
        }
        List<Pattern> compiled = new ArrayList<>(rules.size());
        for (String rule : rules) {
            if (rule == null || rule.isEmpty()) {
                throw new IllegalArgumentException("A redaction rule may not be empty");
            }
            if (rule.length() > MAX_PATTERN) {
                throw new IllegalArgumentException("A redaction rule may have at most " + MAX_PATTERN + " characters: /"
                        + QueryParser.shortened(rule) + "/");
            }
            try {
                compiled.add(Pattern.compile(rule));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("The redaction rule /" + QueryParser.shortened(rule)
                        + "/ is not a valid pattern: " + e.getDescription());
            }
        }
        return new RedactionRules(compiled);
    }

    /** The line with every rule's matches replaced, or {@link #WITHHELD} when a rule took too long on it. */
    String apply(String line) {
        String text = line;
        for (Pattern pattern : patterns) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
            try {
                text = pattern.matcher(new TimedText(text, deadline, TooSlow::new)).replaceAll(REPLACEMENT);
            } catch (TooSlow e) {
                withheld.incrementAndGet();
                return WITHHELD;
            }
        }
        return text;
    }

    List<String> patterns() {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    /** How many lines were withheld because a rule was too slow on them: a sign that a rule needs simplifying. */
    long withheldLines() {
        return withheld.get();
    }

    /** Thrown by the timed text; no stack trace, as it is expected and caught right away. */
    private static final class TooSlow extends RuntimeException {

        TooSlow() {
            super(null, null, false, false);
        }
    }
}
