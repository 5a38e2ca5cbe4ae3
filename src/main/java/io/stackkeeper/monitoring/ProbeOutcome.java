package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * What one run of a probe found: its state, a one-line message, how long it took, and the measured values (the
 * first is the one thresholds judge and charts draw).
 */
public record ProbeOutcome(ProbeState state, String message, long latencyMillis, List<Measure> measures, Instant at) {

    public ProbeOutcome {
        measures = measures == null ? List.of() : List.copyOf(measures);
        message = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }

    /** The value thresholds judge and charts draw, or null when the probe measures none. */
    public Double value() {
        return measures.isEmpty() ? null : measures.get(0).value();
    }
}
