package io.stackkeeper.backup.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DashboardCard;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Dashboard card: when the last backup succeeded (red when overdue) and when a set was last proven restorable. */
@org.springframework.stereotype.Component
class BackupStatusCard implements DashboardCard {

    private final BackupService backups;

    BackupStatusCard(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> render() {
        Optional<BackupRunRecord> last = backups.lastSuccessful();
        Span lastAgo = new Span(last.map(run -> Amounts.ago(Duration.between(run.startedAt(), Instant.now()))).orElse("never"));
        lastAgo.addClassName("sk-big");
        if (backups.backupOverdue()) {
            lastAgo.addClassName("sk-overdue");
        }
        Div lastLine = new Div(new Span("Last successful backup"), lastAgo, Card.hint(last.map(run -> run.plan() + ", "
                + Amounts.bytes(run.sizeBytes()) + ", " + Amounts.count(run.documents()) + " documents").orElse("Run a plan from the Backups page.")));
        lastLine.getStyle().set("display", "flex").set("flex-direction", "column");
        lastLine.setId("last-backup");
        Optional<BackupRunRecord> proven = backups.lastVerifiedRestorable();
        Span provenLine = new Span(proven.map(run -> "Last verified restorable: " + run.id() + ", drilled " + DateTimes.MINUTES.format(run.drilledAt())
                + ", restore took " + Amounts.duration(Duration.ofMillis(run.drillMillis())) + ".")
                .orElse("No set has been proven restorable yet: run a restore drill from the history."));
        provenLine.setId("last-restorable");
        Div running = new Div();
        if (!backups.running().isEmpty()) {
            running.setText(backups.running().size() + " running now.");
        }
        Card card = new Card("Backups", lastLine, new Div(provenLine), running, new RouterLink("Open backups", BackupsView.class));
        card.setId("backup-status");
        return Optional.of(card);
    }
}
