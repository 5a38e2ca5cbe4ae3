package io.stackkeeper.monitoring;

import java.util.List;

/**
 * What a check saw, before thresholds: a state when the check itself decides (a refused connection is CRITICAL),
 * or null to let the probe's thresholds judge the first measure.
 */
record Finding(ProbeState state, String message, List<Measure> measures) {

    static Finding measured(String message, Measure... measures) {
        return new Finding(null, message, List.of(measures));
    }

    static Finding failed(String message, Measure... measures) {
        return new Finding(ProbeState.CRITICAL, message, List.of(measures));
    }

    static Finding warning(String message, Measure... measures) {
        return new Finding(ProbeState.WARNING, message, List.of(measures));
    }
}
