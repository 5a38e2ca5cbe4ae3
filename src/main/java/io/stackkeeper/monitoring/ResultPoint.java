package io.stackkeeper.monitoring;

import java.time.Instant;

/**
 * A point of a probe's chart: one raw result, or an aggregate of {@code results} results from {@code at} on.
 *
 * @param state the result's state, or the worst state within the aggregate
 * @param counts results per state (OK, WARNING, CRITICAL, UNKNOWN)
 */
public record ResultPoint(Instant at, int results, ProbeState state, long latencyMillis, long latencyP95Millis, Double value,
        Double valueMax, String message, int[] counts) {
}
