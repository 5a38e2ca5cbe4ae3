package io.stackkeeper.upgrade;

import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.Outcome;
import java.util.List;
import java.util.Map;

/** What the upgrade feature tells the rest of the portal. */
public final class UpgradeEvents {

    private UpgradeEvents() {
    }

    /** Someone asked for an upgrade and acknowledged its breaking changes. */
    public record UpgradeRequested(long id, String from, String to, List<String> acknowledged) implements AuditableEvent {
        public String action() {
            return "upgrade.requested";
        }

        public String target() {
            return "request " + id;
        }

        public Map<String, Object> details() {
            return Map.of("from", from, "to", to, "acknowledged", acknowledged);
        }
    }

    /** An admin other than the requester approved or rejected a request. */
    public record UpgradeDecided(long id, boolean approved, String reason) implements AuditableEvent {
        public String action() {
            return approved ? "upgrade.approved" : "upgrade.rejected";
        }

        public String target() {
            return "request " + id;
        }

        public Map<String, Object> details() {
            return reason == null ? Map.of() : Map.of("reason", reason);
        }
    }

    /** An approved upgrade started; the stack is in maintenance until {@link UpgradeFinished}. */
    public record UpgradeStarted(long id, String from, String to, String actor) implements AuditableEvent {
        public String action() {
            return "upgrade.started";
        }

        public String target() {
            return "request " + id;
        }

        public Map<String, Object> details() {
            return Map.of("from", from, "to", to);
        }
    }

    /** One step of a running upgrade ended. */
    public record UpgradeStepFinished(long id, String step, boolean succeeded, String message, String actor) implements AuditableEvent {
        public String action() {
            return "upgrade.step";
        }

        public String target() {
            return "request " + id;
        }

        public Outcome outcome() {
            return succeeded ? Outcome.SUCCESS : Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return Map.of("step", step, "message", message == null ? "" : message);
        }
    }

    /** An upgrade ended: succeeded, failed and rolled back, or failed. The stack leaves maintenance. */
    public record UpgradeFinished(long id, RequestStatus status, String result, String backupId, String actor) implements AuditableEvent {
        public String action() {
            return switch (status) {
                case SUCCEEDED -> "upgrade.succeeded";
                case FAILED_ROLLED_BACK -> "upgrade.rolled-back";
                default -> "upgrade.failed";
            };
        }

        public String target() {
            return "request " + id;
        }

        public Outcome outcome() {
            return status == RequestStatus.SUCCEEDED ? Outcome.SUCCESS : Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("outcome", result);
            if (backupId != null) {
                details.put("backup", backupId);
            }
            return details;
        }
    }

    /** An admin replaced the release catalog. */
    public record CatalogReplaced(int previousRevision, int newRevision, int releases, int breakingChanges) implements AuditableEvent {
        public String action() {
            return "upgrade.catalog-replaced";
        }

        public String target() {
            return "release catalog revision " + newRevision;
        }

        public Map<String, Object> details() {
            return Map.of("previousRevision", previousRevision, "releases", releases, "breakingChanges", breakingChanges);
        }
    }

    /** A decision was refused by the four-eyes rules (who may decide), with the reason. */
    public record DecisionRefused(long id, boolean approve, String reason) implements AuditableEvent {
        public String action() {
            return approve ? "upgrade.approval-refused" : "upgrade.rejection-refused";
        }

        public String target() {
            return "request " + id;
        }

        public Outcome outcome() {
            return Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }

    /** A request was withdrawn before it started. */
    public record UpgradeWithdrawn(long id, String by) implements AuditableEvent {
        public String action() {
            return "upgrade.withdrawn";
        }

        public String target() {
            return "request " + id;
        }
    }
}
