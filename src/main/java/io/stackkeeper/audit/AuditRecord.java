package io.stackkeeper.audit;

import io.stackkeeper.base.Outcome;
import java.time.Instant;

/** A recorded action as shown in the UI and the API; {@code details} is a JSON object. */
public record AuditRecord(long id, Instant time, String actor, String action, String target, Outcome outcome,
        String details, String clientAddress) {
}
