package io.stackkeeper.monitoring;

import io.stackkeeper.base.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Turns the alerting memory's changes into alerts and notifications. An alert opens after the probe's failures in a
 * row and closes on recovery; while a component it needs is down, it is folded into that component's alert ("backend
 * /status failing because Redis is down") and notifies nobody; in a maintenance window it is recorded, not sent. A
 * flapping probe sends one notification, not one per change; an alert that stays bad is sent again once per
 * reminder period.
 */
@Component
record Alerting(AlertRepository alerts, ProbeRepository probes, ProbeBook book, ProbeResults results, Maintenance maintenance,
        Notifications notifications, AlertContext context, MonitoringProperties properties, Clock clock,
        PlatformTransactionManager transactions) {

    void onRun(ProbeRounds.Ran ran) {
        if (ran.changes().isEmpty() && !ran.outcome().state().failing()) {
            return;
        }
        Transactions.requiresNew(transactions).executeWithoutResult(tx -> handle(ran));
    }

    private void handle(ProbeRounds.Ran ran) {
        ProbeDefinition probe = ran.probe();
        ProbeComponent component = probe.settings().component();
        ProbeOutcome outcome = ran.outcome();
        Instant now = clock.instant();
        Optional<Alert> open = alerts.findFirstByProbeIdAndClosedAtIsNull(probe.id());
        boolean flapping = results.current(probe.id()).map(c -> c.tracker().flapping()).orElse(false);
        for (StateTracker.Change change : ran.changes()) {
            switch (change) {
                case ALERT_OPENED -> open = Optional.of(open(probe, component, outcome, now, flapping));
                case ALERT_CHANGED -> open.ifPresent(alert -> changed(alert, probe, outcome, now));
                case RECOVERED -> open.ifPresent(alert -> recovered(alert, probe, outcome, now, flapping));
                case FLAPPING_STARTED -> open.ifPresent(alert -> flapping(alert, probe, outcome, now));
                case FLAPPING_STOPPED -> open.ifPresent(alert -> alert.flapping = false);
            }
        }
        if (ran.changes().isEmpty() && outcome.state().failing()) {
            open.ifPresent(alert -> remind(alert, probe, outcome, now));
        }
        open.ifPresent(alerts::save);
    }

    private Alert open(ProbeDefinition probe, ProbeComponent component, ProbeOutcome outcome, Instant now, boolean flapping) {
        Alert alert = new Alert();
        alert.probeId = probe.id();
        alert.component = component;
        alert.state = outcome.state();
        alert.message = clip(outcome.message());
        alert.openedAt = now;
        alert.foldedInto = rootCause(component).map(root -> root.id).orElse(null);
        alert.inMaintenance = maintenance.covers(component, now);
        alert.flapping = flapping;
        alerts.save(alert);
        foldDependents(alert);
        if (alert.foldedInto == null && !alert.inMaintenance && !flapping && !dependencyFailing(component)) {
            send(alert, probe, outcome, "OPENED", now);
        }
        return alert;
    }

    private void changed(Alert alert, ProbeDefinition probe, ProbeOutcome outcome, Instant now) {
        boolean worse = outcome.state() == ProbeState.CRITICAL && alert.state != ProbeState.CRITICAL;
        alert.state = outcome.state();
        alert.message = clip(outcome.message());
        if (worse && alert.notifiedAt != null && alert.foldedInto == null && !alert.flapping) {
            send(alert, probe, outcome, "CHANGED", now);
        }
    }

    private void recovered(Alert alert, ProbeDefinition probe, ProbeOutcome outcome, Instant now, boolean flapping) {
        alert.closedAt = now;
        if (alert.notifiedAt != null && !flapping) {
            notifications.queueAlert(alert.id, alert.component, ProbeState.OK, "RECOVERED", "RECOVERED: " + probe.name(),
                    probe.name() + " is OK again after " + minutes(alert.openedAt, now) + ": " + outcome.message() + "\n");
        }
    }

    private void flapping(Alert alert, ProbeDefinition probe, ProbeOutcome outcome, Instant now) {
        alert.flapping = true;
        if (alert.foldedInto == null && !maintenance.covers(alert.component, now)) {
            notifications.queueAlert(alert.id, alert.component, ProbeState.WARNING, "FLAPPING", "FLAPPING: " + probe.name(),
                    probe.name() + " keeps changing state (more than 30 % of its last 21 results); further changes are not sent until"
                            + " it settles.\n\n" + context.body(probe, alert.component, outcome, null));
            alert.notifiedAt = now;
        }
    }

    /** A late first notice (after maintenance, or once its root cause recovered), or a reminder of an alert that stays bad. */
    private void remind(Alert alert, ProbeDefinition probe, ProbeOutcome outcome, Instant now) {
        if (alert.foldedInto != null && alerts.findById(alert.foldedInto).map(root -> root.closedAt != null).orElse(true)) {
            alert.foldedInto = null;
        }
        if (alert.foldedInto == null && alert.notifiedAt == null) {
            rootCause(alert.component).ifPresent(root -> alert.foldedInto = root.id);
        }
        if (alert.foldedInto != null || alert.flapping || maintenance.covers(alert.component, now)
                || alert.notifiedAt == null && dependencyFailing(alert.component)) {
            return;
        }
        if (alert.notifiedAt == null) {
            send(alert, probe, outcome, "OPENED", now);
        } else if (Duration.between(alert.notifiedAt, now).compareTo(properties.reminderPeriod()) >= 0) {
            send(alert, probe, outcome, "REMINDER", now);
        }
    }

    private void send(Alert alert, ProbeDefinition probe, ProbeOutcome outcome, String kind, Instant now) {
        String subject = outcome.state() + (kind.equals("OPENED") ? "" : " (" + kind.toLowerCase() + ")") + ": " + probe.name() + " - "
                + outcome.message();
        notifications.queueAlert(alert.id, alert.component, outcome.state(), kind, subject, context.body(probe, alert.component, outcome, null));
        alert.notifiedAt = now;
    }

    /** Open alerts of components that need this one's are folded into it: their root cause is now known. */
    private void foldDependents(Alert root) {
        if (root.foldedInto != null || book.active().stream().noneMatch(p -> p.id() == root.probeId && p.settings().kind().availability())) {
            return;
        }
        alerts.findByClosedAtIsNullOrderByOpenedAtDesc().stream()
                .filter(a -> a.foldedInto == null && !a.id.equals(root.id) && a.component.dependsOn().contains(root.component))
                .forEach(a -> {
                    a.foldedInto = root.id;
                    alerts.save(a);
                });
    }

    /** Whether a probe of a component this one needs fails right now (its alert may not be open yet): wait for it. */
    private boolean dependencyFailing(ProbeComponent component) {
        return book.active().stream().filter(p -> p.settings().kind().availability() && component.dependsOn().contains(p.settings().component()))
                .anyMatch(p -> results.current(p.id()).map(c -> c.outcome().state() == ProbeState.CRITICAL).orElse(false));
    }

    /** The open, unfolded alert of a component this one needs, if any: the root cause of this failure. */
    private Optional<Alert> rootCause(ProbeComponent component) {
        java.util.Set<Long> availability = book.active().stream().filter(p -> p.settings().kind().availability()).map(ProbeDefinition::id)
                .collect(java.util.stream.Collectors.toSet());
        return alerts.findByClosedAtIsNullOrderByOpenedAtDesc().stream()
                .filter(a -> a.foldedInto == null && availability.contains(a.probeId) && component.dependsOn().contains(a.component)).findFirst();
    }

    /** In words, for the pages: "failing because Redis is down (Redis: connection refused)". */
    String rootCauseWords(Alert alert) {
        if (alert.foldedInto == null) {
            return null;
        }
        return alerts.findById(alert.foldedInto).map(root -> "failing because " + root.component.label() + " is down ("
                + probes.findById(root.probeId).map(p -> p.name).orElse("?") + ": " + root.message + ")").orElse(null);
    }

    private static String minutes(Instant from, Instant to) {
        long minutes = Math.max(1, Duration.between(from, to).toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private static String clip(String message) {
        return message.length() > 1000 ? message.substring(0, 999) + "…" : message;
    }
}
