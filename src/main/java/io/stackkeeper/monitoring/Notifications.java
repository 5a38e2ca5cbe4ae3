package io.stackkeeper.monitoring;

import io.stackkeeper.base.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The notification outbox: a message is written for each notifier that receives it, in the transaction that decided
 * it, then delivered by the rounds; a failure is retried after 30 s, 1, 2, 4 ... minutes up to an hour, and shown.
 * Nothing is lost when the portal restarts.
 */
@Component
record Notifications(NotificationRepository outbox, NotifierRepository notifiers, Senders senders, Clock clock,
        PlatformTransactionManager transactions) {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** Queues an alert's message for every notifier that receives this component and state; answers how many. */
    int queueAlert(Long alertId, ProbeComponent component, ProbeState state, String kind, String subject, String body) {
        List<Notifier> receivers = notifiers.findByEnabledTrue().stream().filter(n -> n.receives(component, state)).toList();
        receivers.forEach(n -> queue(n.id, alertId, kind, subject, body));
        return receivers.size();
    }

    /** Queues a message about the stack's work (a failed backup, a rolled-back upgrade) for notifiers that want those. */
    int queueStackEvent(String kind, String subject, String body) {
        List<Notifier> receivers = notifiers.findByEnabledTrue().stream().filter(n -> n.stackEvents).toList();
        receivers.forEach(n -> queue(n.id, null, kind, subject, body));
        return receivers.size();
    }

    void queue(long notifierId, Long alertId, String kind, String subject, String body) {
        Notification n = new Notification();
        n.notifierId = notifierId;
        n.alertId = alertId;
        n.kind = kind;
        n.subject = subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
        n.body = body.length() > 20_000 ? body.substring(0, 19_999) + "…" : body;
        n.createdAt = clock.instant();
        n.nextAttemptAt = n.createdAt;
        outbox.save(n);
    }

    /** Sends what is due, each in its own transaction; answers how many were delivered. */
    int deliverDue() {
        List<Long> due = Transactions.requiresNew(transactions).execute(tx -> outbox.due(clock.instant(), PageRequest.of(0, BATCH)).stream()
                .map(n -> n.id).toList());
        int delivered = 0;
        for (long id : due) {
            if (Boolean.TRUE.equals(Transactions.requiresNew(transactions).execute(tx -> deliver(id)))) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(long id) {
        Notification n = outbox.lockById(id).orElse(null);
        if (n == null || n.deliveredAt != null) {
            return false;
        }
        Notifier notifier = notifiers.findById(n.notifierId).orElse(null);
        n.attempts++;
        try {
            if (notifier == null) {
                throw new IllegalStateException("its notifier was deleted");
            }
            senders.send(notifier, n.kind, n.subject, n.body);
            n.deliveredAt = clock.instant();
            n.lastError = null;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            n.lastError = "interrupted: the portal is stopping";
            n.nextAttemptAt = clock.instant();
            return false;
        } catch (Exception e) {
            String reason = ProbeRunner.describe(e);
            n.lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            Duration wait = Duration.ofSeconds(30).multipliedBy(1L << Math.min(n.attempts - 1, 10));
            n.nextAttemptAt = clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            log.warn("Notification {} to {} failed (attempt {}), next at {}: {}", n.id, notifier == null ? "?" : notifier.name, n.attempts,
                    n.nextAttemptAt, n.lastError);
            return false;
        } finally {
            outbox.save(n);
        }
    }

    /** Sends a test message to a notifier now, outside the outbox, and answers what went wrong (null when it went). */
    String sendTest(Notifier notifier) {
        try {
            senders.send(notifier, "TEST", "Stackkeeper test notification", "This is a test of the notifier '" + notifier.name
                    + "' sent at " + Instant.now() + ". Alerts of " + (notifier.components.isBlank() ? "every component" : notifier.components)
                    + " from " + notifier.minState + " on will arrive like this.");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return ProbeRunner.describe(e);
        }
    }
}
