package io.stackkeeper.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message for one notifier, kept until delivered and retried with back-off until then. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "notifier_id")
    long notifierId;

    @Column(name = "alert_id")
    Long alertId;

    String kind;

    String subject;

    String body;

    @Column(name = "created_at")
    Instant createdAt;

    int attempts;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "delivered_at")
    Instant deliveredAt;

    @Column(name = "last_error")
    String lastError;

    NotificationView view() {
        return new NotificationView(id, notifierId, alertId, kind, subject, createdAt, attempts, nextAttemptAt, deliveredAt, lastError);
    }
}
