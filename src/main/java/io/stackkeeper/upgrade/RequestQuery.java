package io.stackkeeper.upgrade;

import java.time.Instant;

/**
 * Which upgrade requests the history shows; a null field does not filter.
 *
 * @param person matches the requester, the approver or whoever started it
 * @param from requested at or after
 * @param until requested before
 */
public record RequestQuery(RequestStatus status, String person, Instant from, Instant until) {

    public static final RequestQuery ALL = new RequestQuery(null, null, null, null);

    boolean matches(UpgradeRequestRecord r) {
        return (status == null || r.status() == status)
                && (person == null || person.isBlank() || person.strip().equalsIgnoreCase(r.requestedBy())
                        || person.strip().equalsIgnoreCase(r.decidedBy()) || person.strip().equalsIgnoreCase(r.startedBy()))
                && (from == null || !r.requestedAt().isBefore(from))
                && (until == null || r.requestedAt().isBefore(until));
    }
}
