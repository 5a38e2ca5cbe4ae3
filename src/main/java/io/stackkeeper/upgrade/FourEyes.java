package io.stackkeeper.upgrade;

import java.time.Instant;
import io.stackkeeper.security.AccountOrigin;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/** The rules of four-eyes approval: who may decide, and whether an approval still lets an upgrade start. */
final class FourEyes {

    private FourEyes() {
    }

    /**
     * Refuses a decision by the requester themselves, by an account the requester created or made an admin, or by one
     * created after the request (a second account made for the occasion); and on a request no longer waiting.
     */
    static void checkDecision(UpgradeRequest request, String decider, Optional<AccountOrigin> origin) {
        whyNotADecider(request, decider, origin).ifPresent(reason -> {
            throw new AccessDeniedException(reason);
        });
        checkWaiting(request);
    }

    static Optional<String> whyNotADecider(UpgradeRequest request, String decider, Optional<AccountOrigin> origin) {
        String requester = request.requestedBy;
        if (requester.equalsIgnoreCase(decider)) {
            return Optional.of("Another admin must decide: " + decider + " requested this upgrade.");
        }
        if (io.stackkeeper.base.RequestOrigin.SYSTEM_ACTOR.equals(decider)) {
            return Optional.of("The portal itself never decides an upgrade.");
        }
        if (origin.isEmpty()) {
            // every signed-in person and token has an account; only a test's stand-in principal has none
            return Optional.empty();
        }
        AccountOrigin account = origin.get();
        if (requester.equalsIgnoreCase(account.createdBy())) {
            return Optional.of(decider + " cannot decide: the account was created by " + requester + ", who requested this upgrade.");
        }
        if (requester.equalsIgnoreCase(account.adminGrantedBy())) {
            return Optional.of(decider + " cannot decide: " + requester + ", who requested this upgrade, made the account an admin.");
        }
        if (account.createdAt() != null && !account.createdAt().isBefore(request.requestedAt)) {
            return Optional.of(decider + " cannot decide: the account was created after the request.");
        }
        return Optional.empty();
    }

    /** Refuses a decision on a request that is no longer waiting for one. */
    static void checkWaiting(UpgradeRequest request) {
        if (request.status != RequestStatus.REQUESTED) {
            throw new IllegalStateException("Request " + request.id + " is " + request.status + ", not waiting for a decision.");
        }
    }

    /** Why an approved request cannot start now, or empty when it can. */
    static Optional<String> whyNotStartable(UpgradeRequest request, Instant now, String currentFingerprint) {
        if (request.status != RequestStatus.APPROVED) {
            return Optional.of("Request " + request.id + " is " + request.status + ": only an approved request can start.");
        }
        if (request.approvalExpiresAt != null && !now.isBefore(request.approvalExpiresAt)) {
            return Optional.of("The approval expired at " + request.approvalExpiresAt + ": ask for a new one.");
        }
        if (!request.planFingerprint.equals(currentFingerprint)) {
            return Optional.of("The plan changed since the approval (catalog, running versions or checks): the approval is void.");
        }
        if (request.windowStart != null && now.isBefore(request.windowStart) || request.windowEnd != null && now.isAfter(request.windowEnd)) {
            return Optional.of("Outside the requested time window " + request.windowStart + " - " + request.windowEnd + ".");
        }
        return Optional.empty();
    }
}
