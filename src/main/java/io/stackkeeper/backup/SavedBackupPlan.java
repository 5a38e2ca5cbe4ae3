package io.stackkeeper.backup;

import java.time.Instant;
import java.util.List;

/** A stored plan with its schedule in words and its next runs (UTC). */
public record SavedBackupPlan(long id, BackupPlanSettings settings, String scheduleInWords, List<Instant> nextRuns,
        Instant updatedAt, String updatedBy) {

    public String name() {
        return settings.name();
    }
}
