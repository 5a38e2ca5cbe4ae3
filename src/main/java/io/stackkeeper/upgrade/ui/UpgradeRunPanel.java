package io.stackkeeper.upgrade.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.StepRow;
import io.stackkeeper.upgrade.Acknowledgement;
import io.stackkeeper.upgrade.RequestStatus;
import io.stackkeeper.upgrade.RolloutStep;
import io.stackkeeper.upgrade.UpgradeRequestRecord;
import java.time.Duration;
import java.time.Instant;

/** One upgrade's run: each step with its state, timing and result, the outcome, the linked backup and the failing log. */
class UpgradeRunPanel extends Div {

    private Long shown;

    UpgradeRunPanel() {
        setId("upgrade-run");
        addClassName("sk-card");
        setVisible(false);
    }

    /** The request shown, or null. */
    Long shown() {
        return shown;
    }

    void show(UpgradeRequestRecord request) {
        shown = request.id();
        removeAll();
        setVisible(true);
        Span status = UpgradeWords.statusBadge(request.status());
        status.setId("upgrade-run-status");
        H4 title = new H4("Upgrade #" + request.id() + ": " + request.from() + " → " + request.to() + " ");
        title.add(status);
        add(title);
        add(new Div(Card.hint("Requested by " + request.requestedBy() + " on " + DateTimes.MINUTES.format(request.requestedAt())
                + (request.startedBy() == null ? "; not started." : "; started by " + request.startedBy() + " on "
                        + DateTimes.MINUTES.format(request.startedAt()) + (request.finishedAt() == null ? "."
                                : ", took " + seconds(Duration.between(request.startedAt(), request.finishedAt())) + ".")))));
        add(new Div(Card.hint("Reason: " + request.reason() + (request.decidedBy() == null ? ""
                : ". " + (request.status() == RequestStatus.REJECTED ? "Rejected" : "Approved") + " by " + request.decidedBy() + " on "
                        + DateTimes.MINUTES.format(request.decidedAt()) + (request.decisionReason() == null ? "" : ": " + request.decisionReason()))
                + ".")));
        for (Acknowledgement ack : request.acknowledgements()) {
            Span line = Card.hint("Acknowledged " + ack.changeId() + " (" + ack.acknowledgedBy() + ", "
                    + DateTimes.MINUTES.format(ack.acknowledgedAt()) + ")");
            line.addClassName("sk-ack");
            add(new Div(line));
        }
        int number = 1;
        for (RolloutStep step : request.steps()) {
            add(stepRow(number++, step));
        }
        if (request.backupId() != null) {
            Paragraph backup = new Paragraph("Pre-upgrade backup: ");
            backup.add(new Anchor("backups?set=" + request.backupId(), request.backupId()));
            backup.add(request.status() == RequestStatus.SUCCEEDED ? "." : " (open it to restore it, if the failed version's migrations changed data).");
            backup.setId("upgrade-run-backup");
            add(backup);
        }
        if (request.outcome() != null) {
            Paragraph outcome = new Paragraph(request.outcome());
            outcome.setId("upgrade-run-outcome");
            outcome.addClassName(request.status() == RequestStatus.SUCCEEDED ? "sk-ok" : "sk-error");
            add(outcome);
        }
        if (!request.failureLog().isEmpty()) {
            Pre log = new Pre(String.join("\n", request.failureLog()));
            log.addClassName("sk-log");
            Details details = new Details("Last " + request.failureLog().size() + " log lines of the failing container", log);
            details.setId("upgrade-run-log");
            add(details);
        }
    }

    private static Div stepRow(int number, RolloutStep step) {
        Duration took = step.took();
        Duration running = step.state() == RolloutStep.State.RUNNING && step.startedAt() != null
                ? Duration.between(step.startedAt(), Instant.now()) : null;
        String timing = took != null ? " (" + seconds(took) + ")" : running != null ? " (running " + seconds(running) + ")" : "";
        return StepRow.of(step.state().name(), number + ". " + step.title(), (step.message() == null ? "" : step.message()) + timing);
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
