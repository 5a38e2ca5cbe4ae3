package io.stackkeeper.upgrade;

import io.stackkeeper.base.AuditableEvent;
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
}
