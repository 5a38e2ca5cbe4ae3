package io.stackkeeper.monitoring;

import java.time.Instant;

/** A notification: sent ({@code deliveredAt}), or waiting for its next attempt with the last error. */
public record NotificationView(long id, long notifierId, Long alertId, String kind, String subject, Instant createdAt, int attempts,
        Instant nextAttemptAt, Instant deliveredAt, String lastError) {
}
