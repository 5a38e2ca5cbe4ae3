package io.stackkeeper.monitoring;

import java.time.Instant;

/**
 * An alert as the pages and the API show it.
 *
 * @param foldedInto the alert of the component this probe needs and that is down, or null when this alert is its own
 * @param rootCause in words, e.g. "failing because Redis is down (Redis: connection refused)", or null
 * @param inMaintenance opened during a maintenance window: recorded, not notified
 */
public record AlertView(long id, long probeId, String probe, ProbeComponent component, ProbeState state, String message,
        Instant openedAt, Instant closedAt, Long foldedInto, String rootCause, boolean flapping, boolean inMaintenance) {
}
