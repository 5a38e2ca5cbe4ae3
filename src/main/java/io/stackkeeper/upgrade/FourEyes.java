package io.stackkeeper.upgrade;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/** The rules of four-eyes approval: who may decide, and whether an approval still lets an upgrade start. */
final class FourEyes {

    private FourEyes() {
    }

    /** Refuses a decision by the requester themselves, or on a request that is no longer waiting for one. */
    static void checkDecision(UpgradeRequest request, String decider) {
        if (request.requestedBy.equals(decider)) {
            throw new AccessDeniedException("Another admin must decide: " + decider + " requested this upgrade.");
        }
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
