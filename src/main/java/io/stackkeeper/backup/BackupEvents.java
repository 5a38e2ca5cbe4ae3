package io.stackkeeper.backup;

import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the backup feature tells the rest of the portal (audit, and later alerting). */
public final class BackupEvents {

    private BackupEvents() {
    }

    private static Map<String, Object> facts(Object... keyValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                facts.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return facts;
    }

    /** A backup set was written completely. */
    public record BackupSucceeded(String runId, String plan, String trigger, String actor, long sizeBytes, long documents,
            long millis) implements AuditableEvent {
        public String action() {
            return "backup.succeeded";
        }

        public String target() {
            return runId;
        }

        public Map<String, Object> details() {
            return facts("plan", plan, "trigger", trigger, "sizeBytes", sizeBytes, "documents", documents, "millis", millis);
        }
    }

    /** A backup run failed; no set was left behind. */
    public record BackupFailed(String runId, String plan, String trigger, String actor, String error) implements AuditableEvent {
        public String action() {
            return "backup.failed";
        }

        public String target() {
            return runId;
        }

        public Outcome outcome() {
            return Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return facts("plan", plan, "trigger", trigger, "error", error);
        }
    }

    /** A set was checked against its manifest; {@code problems} names every bad file. */
    public record BackupVerified(String runId, List<String> problems) implements AuditableEvent {
        public String action() {
            return problems.isEmpty() ? "backup.verified" : "backup.verify-failed";
        }

        public String target() {
            return runId;
        }

        public Outcome outcome() {
            return problems.isEmpty() ? Outcome.SUCCESS : Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return facts("problems", problems);
        }
    }

    /** A restore drill ran on scratch databases. */
    public record RestoreDrilled(String runId, boolean ok, long millis, String report) implements AuditableEvent {
        public String action() {
            return "backup.drill";
        }

        public String target() {
            return runId;
        }

        public Outcome outcome() {
            return ok ? Outcome.SUCCESS : Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return facts("millis", millis, "report", report);
        }
    }

    /** Retention removed sets of a plan. */
    public record SetsRemoved(String plan, List<String> runIds) implements AuditableEvent {
        public String action() {
            return "backup.retention-removed";
        }

        public String target() {
            return plan;
        }

        public String actor() {
            return "system";
        }

        public Map<String, Object> details() {
            return facts("sets", runIds);
        }
    }

    /** A plan was created, changed or deleted. */
    public record PlanChanged(String plan, String change) implements AuditableEvent {
        public String action() {
            return "backup.plan-" + change;
        }

        public String target() {
            return plan;
        }
    }

    /** A set was pinned (kept whatever retention says) or unpinned. */
    public record SetPinned(String runId, boolean pinned) implements AuditableEvent {
        public String action() {
            return pinned ? "backup.pinned" : "backup.unpinned";
        }

        public String target() {
            return runId;
        }
    }

    /** A set found in a folder was added to the history. */
    public record SetImported(String runId, String location) implements AuditableEvent {
        public String action() {
            return "backup.imported";
        }

        public String target() {
            return runId;
        }

        public Map<String, Object> details() {
            return facts("location", location);
        }
    }

    /** One step of a restore finished, or failed. */
    public record RestoreStepFinished(String runId, int step, String title, boolean ok, String message) implements AuditableEvent {
        public String action() {
            return "restore.step";
        }

        public String target() {
            return runId;
        }

        public Outcome outcome() {
            return ok ? Outcome.SUCCESS : Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return facts("step", step, "title", title, "message", message);
        }
    }

    /** A restore cut off by a stop of the portal was found at the next start, and what was repaired. */
    public record RestoreInterrupted(String restoreId, String setId, int step, String repair) implements AuditableEvent {
        public String actor() {
            return io.stackkeeper.base.RequestOrigin.SYSTEM_ACTOR;
        }

        public String action() {
            return "restore.interrupted";
        }

        public String target() {
            return setId;
        }

        public Outcome outcome() {
            return Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return facts("restore", restoreId, "step", step, "repair", repair);
        }
    }

    /** An admin deleted a set's files for good. */
    public record SetDeleted(String runId, String location) implements AuditableEvent {
        public String action() {
            return "backup.set-deleted";
        }

        public String target() {
            return runId;
        }

        public Map<String, Object> details() {
            return facts("location", location);
        }
    }

    /** An admin changed the folders backup targets may be under. */
    public record TargetFoldersChanged(List<String> before, List<String> after) implements AuditableEvent {
        public String action() {
            return "backup.target-folders-changed";
        }

        public String target() {
            return "backup target folders";
        }

        public Map<String, Object> details() {
            return facts("before", before, "after", after);
        }
    }
}
