package io.stackkeeper.logs;

import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.Outcome;
import io.stackkeeper.base.RequestOrigin;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the logs feature tells the others: incidents opened and grown into crash loops (audited, notified). */
public final class LogEvents {

    private LogEvents() {
    }

    /**
     * A container crashed (or crashed again often enough to be a loop).
     *
     * @param lastLines the last lines before it, oldest first
     */
    public record IncidentOpened(long id, String part, String containerName, IncidentKind kind, String summary, Integer exitCode,
            Instant at, String duringWork, List<String> lastLines) implements AuditableEvent {

        @Override
        public String action() {
            return kind == IncidentKind.RESTART_LOOP ? "incident.looping" : "incident.opened";
        }

        @Override
        public String target() {
            return containerName;
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAILURE;
        }

        @Override
        public String actor() {
            return RequestOrigin.SYSTEM_ACTOR;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("incident", id);
            details.put("kind", kind.name());
            details.put("summary", summary);
            if (exitCode != null) {
                details.put("exitCode", exitCode);
            }
            if (duringWork != null) {
                details.put("work", duringWork);
            }
            return details;
        }
    }
}
