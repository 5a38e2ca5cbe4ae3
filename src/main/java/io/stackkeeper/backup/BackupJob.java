package io.stackkeeper.backup;

import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.security.SystemActor;
import java.util.List;
import org.springframework.stereotype.Component;

/** What a schedule does when it fires: a backup of the plan, or a verify of its newest set, as the portal itself. */
@Component
record BackupJob(BackupService backups, BackupRunRepository runs, PortalInstances instances) {

    /** The start of the error of a run whose portal stopped during it (the portal itself, or another, marks it). */
    static final String PORTAL_STOPPED = "Interrupted: the portal";

    /**
     * Whether the plan's last two runs each ended with the portal running them (marked so, or still RUNNING on a portal
     * that stopped): a firing recovered again may be what stops them.
     */
    boolean portalsStoppedTwiceInARow(String plan) {
        List<BackupRun> lastTwo = runs.findTop2ByPlanNameAndImportedFalseOrderByStartedAtDesc(plan);
        return lastTwo.size() == 2 && lastTwo.stream().allMatch(run -> run.error != null && run.error.startsWith(PORTAL_STOPPED)
                || run.status == RunStatus.RUNNING && !instances.running(run.portalInstance));
    }

    void backUp(String plan) {
        SystemActor.run(() -> backups.backUpAndWait(plan, BackupReason.SCHEDULE));
    }

    void verifyNewest(String plan) {
        SystemActor.run(() -> backups.newestSet(plan).ifPresent(set -> backups.verify(set.id())));
    }
}
