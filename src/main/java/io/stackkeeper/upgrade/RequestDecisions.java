package io.stackkeeper.upgrade;

import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.TextLimits;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Roles;
import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Approve, reject and withdraw: four-eyes decisions by an admin the requester neither created nor made an admin, and
 * withdrawal by the requester or an admin before the upgrade starts. Refusals are audited.
 */
@Component
record RequestDecisions(UpgradeRequestRepository requests, AccountService accounts, UpgradeProperties properties,
        ApplicationEventPublisher events, Clock clock) {

    /** Within the caller's transaction, which must not roll back on {@link AccessDeniedException} (the refusal is audited). */
    UpgradeRequestRecord decide(long id, boolean approved, String reason) {
        TextLimits.require("reason", reason, 2000);
        UpgradeRequest request = existing(id);
        String decider = RequestOrigin.actor();
        try {
            FourEyes.checkDecision(request, decider, accounts.origin(decider));
        } catch (AccessDeniedException refused) {
            events.publishEvent(new UpgradeEvents.DecisionRefused(id, approved, refused.getMessage()));
            throw refused;
        }
        request.status = approved ? RequestStatus.APPROVED : RequestStatus.REJECTED;
        request.decidedBy = decider;
        request.decidedAt = clock.instant();
        request.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        request.approvalExpiresAt = approved ? request.decidedAt.plus(properties.approvalValidity()) : null;
        events.publishEvent(new UpgradeEvents.UpgradeDecided(id, approved, request.decisionReason));
        return request.record();
    }

    UpgradeRequestRecord withdraw(long id) {
        UpgradeRequest request = existing(id);
        String actor = RequestOrigin.actor();
        if (!request.requestedBy.equalsIgnoreCase(actor) && !Roles.currentUserHasAny(Roles.ADMIN)) {
            throw new AccessDeniedException("Only " + request.requestedBy + ", who requested it, or an admin can withdraw request " + id + ".");
        }
        if (request.status != RequestStatus.REQUESTED && request.status != RequestStatus.APPROVED) {
            throw new IllegalStateException("Request " + id + " is " + request.status + ": only a request that has not started can be withdrawn.");
        }
        request.status = RequestStatus.WITHDRAWN;
        request.withdrawnBy = actor;
        request.withdrawnAt = clock.instant();
        request.approvalExpiresAt = null;
        request.outcome = "Withdrawn by " + actor + " at " + request.withdrawnAt + ".";
        events.publishEvent(new UpgradeEvents.UpgradeWithdrawn(id, actor));
        return request.record();
    }

    private UpgradeRequest existing(long id) {
        return requests.findById(id).orElseThrow(() -> new NoSuchElementException("There is no upgrade request " + id + "."));
    }
}
