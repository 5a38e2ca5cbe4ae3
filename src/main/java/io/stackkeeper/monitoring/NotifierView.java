package io.stackkeeper.monitoring;

import java.time.Instant;

/** A notifier with its settings and its last delivery problem, if any. */
public record NotifierView(long id, NotifierSettings settings, Instant updatedAt, String updatedBy, String lastError) {
}
