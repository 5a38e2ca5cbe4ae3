package io.stackkeeper.logs;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the stack's logs the portal keeps (meant to sit in the feature's {@code stackkeeper.logs} properties).
 *
 * @param maxAge hour files that ended longer ago than this are deleted (default 7 days)
 * @param maxBytes the most bytes all kept hours may take, summaries included; past it the oldest hours go first
 *        (default 1 GiB)
 */
record HistorySettings(Duration maxAge, long maxBytes) {

    static final HistorySettings DEFAULTS = new HistorySettings(Duration.ofDays(7), 1L << 30);

    HistorySettings {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("The age cap of the log history must be positive, not " + maxAge);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("The size cap of the log history must be positive, not " + maxBytes);
        }
    }
}
