package io.stackkeeper.monitoring;

import io.stackkeeper.base.AuditableEvent;
import java.util.Map;

/** What changes in monitoring, recorded in the audit trail. */
public final class MonitoringEvents {

    private MonitoringEvents() {
    }

    /** A probe was added, by someone or from the stack settings. */
    public record ProbeCreated(String probe, String kind, String target, boolean managed) implements AuditableEvent {
        public String action() {
            return "probe.created";
        }

        public String target() {
            return probe;
        }

        public Map<String, Object> details() {
            return Map.of("kind", kind, "target", target == null ? "" : target, "managed", managed);
        }
    }

    /** A probe's settings changed; {@code change} names what. */
    public record ProbeChanged(String probe, String change) implements AuditableEvent {
        public String action() {
            return "probe.changed";
        }

        public String target() {
            return probe;
        }

        public Map<String, Object> details() {
            return Map.of("change", change);
        }
    }

    /** A probe was deleted with its results. */
    public record ProbeDeleted(String probe) implements AuditableEvent {
        public String action() {
            return "probe.deleted";
        }

        public String target() {
            return probe;
        }
    }

    /** A notifier was added or changed. */
    public record NotifierSaved(String notifier, String kind, boolean created) implements AuditableEvent {
        public String action() {
            return created ? "notifier.created" : "notifier.changed";
        }

        public String target() {
            return notifier;
        }

        public Map<String, Object> details() {
            return Map.of("kind", kind);
        }
    }

    /** A notifier was deleted with its queued notifications. */
    public record NotifierDeleted(String notifier) implements AuditableEvent {
        public String action() {
            return "notifier.deleted";
        }

        public String target() {
            return notifier;
        }
    }

    /** A maintenance window was set by hand, or ended early. */
    public record MaintenanceChanged(long window, String change) implements AuditableEvent {
        public String action() {
            return "maintenance." + change;
        }

        public String target() {
            return "maintenance window " + window;
        }
    }
}
