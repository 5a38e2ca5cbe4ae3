package io.stackkeeper.audit;

import io.stackkeeper.base.Outcome;
import java.time.Instant;

/**
 * Filters for the audit trail; every field is optional.
 *
 * @param actor exact user name (case-insensitive)
 * @param action action name or its beginning, e.g. {@code login.} for all sign-in events
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(String actor, String action, Outcome outcome, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
