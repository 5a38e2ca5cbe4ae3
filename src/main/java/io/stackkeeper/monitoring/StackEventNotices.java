package io.stackkeeper.monitoring;

import io.stackkeeper.backup.BackupEvents;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.logs.LogEvents;
import io.stackkeeper.upgrade.RequestStatus;
import io.stackkeeper.upgrade.UpgradeEvents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;

/** Failed backups, failed verifications, failed or rolled-back upgrades and crash incidents notify like alerts do. */
@Component
record StackEventNotices(Notifications notifications, PlatformTransactionManager transactions) {

    private static final Logger log = LoggerFactory.getLogger(StackEventNotices.class);
    /** An incident's notice carries its last lines up to here; the page and the API have all of them. */
    private static final int NOTICE_LINES = 50;

    @TransactionalEventListener(fallbackExecution = true)
    void onBackupFailed(BackupEvents.BackupFailed failed) {
        queue("BACKUP_FAILED", "CRITICAL: backup " + failed.runId() + " of plan " + failed.plan() + " failed",
                "The " + failed.trigger() + " backup " + failed.runId() + " of plan " + failed.plan() + " failed: " + failed.error()
                        + "\nNo set was left behind; the earlier sets stay.\n");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onVerified(BackupEvents.BackupVerified verified) {
        if (!verified.problems().isEmpty()) {
            queue("VERIFY_FAILED", "CRITICAL: set " + verified.runId() + " failed its verification",
                    "Files of set " + verified.runId() + " do not match its manifest:\n  " + String.join("\n  ", verified.problems()) + "\n");
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onUpgradeFinished(UpgradeEvents.UpgradeFinished finished) {
        if (finished.status() == RequestStatus.FAILED || finished.status() == RequestStatus.FAILED_ROLLED_BACK) {
            queue("UPGRADE_FAILED", "CRITICAL: upgrade #" + finished.id() + " " + finished.status().name().toLowerCase().replace('_', ' '),
                    finished.result() + (finished.backupId() == null ? "" : "\nThe pre-upgrade backup is " + finished.backupId() + ".") + "\n");
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onIncident(LogEvents.IncidentOpened incident) {
        List<String> lines = incident.lastLines();
        List<String> last = lines.subList(Math.max(0, lines.size() - NOTICE_LINES), lines.size());
        queue("INCIDENT", "CRITICAL: " + incident.part() + " container " + incident.containerName() + ": " + incident.kind().words(),
                "The " + incident.part() + " container " + incident.containerName() + ": " + incident.summary() + ", at " + incident.at() + "."
                        + (incident.duringWork() == null ? "" : "\nIt happened " + incident.duringWork() + ".")
                        + "\nIncident " + incident.id() + " on the Logs page holds its last " + lines.size() + " lines; the last "
                        + last.size() + ":\n" + String.join("\n", last) + "\n");
    }

    private void queue(String kind, String subject, String body) {
        try {
            Transactions.requiresNew(transactions).executeWithoutResult(tx -> notifications.queueStackEvent(kind, subject, body));
        } catch (RuntimeException e) {
            log.warn("The notice '{}' could not be queued: {}", subject, e.toString());
        }
    }
}
