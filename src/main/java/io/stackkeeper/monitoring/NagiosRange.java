package io.stackkeeper.monitoring;

import java.math.BigDecimal;

/**
 * A threshold in Nagios range syntax, {@code [@][start:][end]}: {@code 10} alerts outside 0..10, {@code 10:} below
 * 10, {@code ~:10} above 10, {@code 10:20} outside 10..20, {@code @10:20} inside 10..20 (bounds included).
 *
 * @param start the lower bound, {@code -Infinity} for {@code ~}
 * @param end the upper bound, {@code +Infinity} when left out
 * @param inside whether the range alerts inside its bounds ({@code @}) rather than outside
 */
public record NagiosRange(double start, double end, boolean inside, String text) {

    private static final String SYNTAX = "use 10, 10:, ~:10, 10:20 or @10:20.";

    /** Parses a range, or answers null for a blank one; a malformed range is an {@link IllegalArgumentException}. */
    public static NagiosRange parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String spec = text.strip();
        boolean inside = spec.startsWith("@");
        String body = inside ? spec.substring(1) : spec;
        double start = 0;
        double end;
        int colon = body.indexOf(':');
        if (colon < 0) {
            end = number(body, text);
        } else {
            String low = body.substring(0, colon);
            String high = body.substring(colon + 1);
            start = low.equals("~") ? Double.NEGATIVE_INFINITY : low.isEmpty() ? 0 : number(low, text);
            end = high.isEmpty() ? Double.POSITIVE_INFINITY : number(high, text);
        }
        if (start > end) {
            throw new IllegalArgumentException("In the range '" + text + "' the start is above the end: " + SYNTAX);
        }
        return new NagiosRange(start, end, inside, spec);
    }

    /** Whether this value raises the alert the range stands for. */
    public boolean alerts(double value) {
        boolean within = value >= start && value <= end;
        return inside == within;
    }

    /** The range as Nagios perfdata writes it, base numbers without scientific notation. */
    @Override
    public String toString() {
        return text;
    }

    private static double number(String part, String whole) {
        try {
            double value = new BigDecimal(part.strip()).doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "' is not a Nagios range: " + SYNTAX);
        }
    }
}
