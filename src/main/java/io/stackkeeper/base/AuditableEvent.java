package io.stackkeeper.base;

import java.util.Map;

/**
 * A domain event that belongs in the audit trail. Features publish past-tense records implementing this; the
 * audit feature listens and records them, so no feature writes to the audit trail directly.
 */
public interface AuditableEvent {

    /** Dotted action name, feature first: {@code user.created}, {@code login.failed}. */
    String action();

    /** What the action was done to, e.g. a username or a token name. */
    String target();

    default Outcome outcome() {
        return Outcome.SUCCESS;
    }

    /** Extra facts recorded as JSON; never a secret. */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Who acted, when it is not the signed-in user (e.g. a login attempt); {@code null} means the current user. */
    default String actor() {
        return null;
    }

    /** Where the request came from, when known to the publisher; {@code null} means the current request's. */
    default String clientAddress() {
        return null;
    }
}
