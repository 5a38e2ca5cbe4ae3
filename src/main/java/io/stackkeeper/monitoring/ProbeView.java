package io.stackkeeper.monitoring;

import java.time.Instant;

/**
 * A probe with its latest state, as the pages and the API show it.
 *
 * @param state the state of the last run (UNKNOWN before the first)
 * @param alerting the state alerts know: it changes only after the probe's "alert after" failures
 * @param value the measured value thresholds judge, or null
 * @param changedAt when the state last changed
 * @param inMaintenance whether a maintenance window covers its component now
 */
public record ProbeView(long id, String name, ProbeComponent component, ProbeKind kind, String target, ProbeState state,
        ProbeState alerting, String message, long latencyMillis, Double value, boolean flapping, boolean paused, boolean managed,
        Instant checkedAt, Instant changedAt, boolean inMaintenance, ProbeSettings settings) {
}
