package io.stackkeeper.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One restore as the journal keeps it, updated at every step. */
@Entity
@Table(name = "restore_run")
class RestoreRun {

    @Id
    String id;
    @Column(name = "set_id", nullable = false)
    String setId;
    @Column(nullable = false)
    String actor;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    RestoreRecord.Status status;
    /** The portal (Quartz's instance id) that runs it. */
    @Column(name = "portal_instance")
    String portalInstance;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(nullable = false)
    int step;
    @Column(name = "step_state", nullable = false)
    @Enumerated(EnumType.STRING)
    RestoreStep.State stepState;
    String message;
    @Column(name = "safety_set_id")
    String safetySetId;
    @Column(name = "staging_folder")
    String stagingFolder;
    @Column(name = "storage_folder")
    String storageFolder;
    @Column(name = "kept_folder")
    String keptFolder;
    @Column(name = "backend_stopped", nullable = false)
    boolean backendStopped;
    @Column(name = "storage_swapped", nullable = false)
    boolean storageSwapped;
    String outcome;

    RestoreRecord record() {
        String title = step >= 1 && step <= RestoreStep.TITLES.size() ? RestoreStep.TITLES.get(step - 1) : null;
        return new RestoreRecord(id, setId, actor, status, startedAt, finishedAt, step, title, stepState, message, safetySetId,
                keptFolder, outcome);
    }
}
