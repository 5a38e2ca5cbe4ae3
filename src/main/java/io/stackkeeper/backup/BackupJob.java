package io.stackkeeper.backup;

import io.stackkeeper.security.SystemActor;
import org.springframework.stereotype.Component;

/** What a schedule does when it fires: a backup of the plan, or a verify of its newest set, as the portal itself. */
@Component
record BackupJob(BackupService backups) {

    void backUp(String plan) {
        SystemActor.run(() -> backups.backUpAndWait(plan, BackupReason.SCHEDULE));
    }

    void verifyNewest(String plan) {
        SystemActor.run(() -> backups.newestSet(plan).ifPresent(set -> backups.verify(set.id())));
    }
}
