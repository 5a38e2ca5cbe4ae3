package io.stackkeeper.upgrade;

import java.time.Instant;
import java.util.List;

/**
 * An upgrade request as history and the API show it: the request, its decision and, once started, its run.
 *
 * @param steps the run's steps in order, empty until it starts
 * @param backupId the pre-upgrade backup set, once taken
 * @param failedStep the title of the step that failed, if any
 * @param outcome what happened and the state the stack is in, once ended
 * @param failureLog the last lines of the failing container's output, when a container failed
 */
public record UpgradeRequestRecord(long id, String fromBackend, String fromFrontend, String toBackend, String toFrontend, String reason,
        Instant windowStart, Instant windowEnd, RequestStatus status, String requestedBy, Instant requestedAt, String decidedBy,
        Instant decidedAt, String decisionReason, Instant approvalExpiresAt, List<Acknowledgement> acknowledgements, String startedBy,
        Instant startedAt, Instant finishedAt, List<RolloutStep> steps, String backupId, String failedStep, String outcome,
        List<String> failureLog) {

    /** {@code 89.0.0 / 89.0.0}: backend / frontend before the upgrade. */
    public String from() {
        return fromBackend + " / " + fromFrontend;
    }

    /** {@code 90.0.0 / 90.0.0}: the targets. */
    public String to() {
        return toBackend + " / " + toFrontend;
    }

    /** The same without the failing container's log lines, for readers who may not see logs. */
    public UpgradeRequestRecord withoutLog() {
        return new UpgradeRequestRecord(id, fromBackend, fromFrontend, toBackend, toFrontend, reason, windowStart, windowEnd, status,
                requestedBy, requestedAt, decidedBy, decidedAt, decisionReason, approvalExpiresAt, acknowledgements, startedBy, startedAt,
                finishedAt, steps, backupId, failedStep, outcome, List.of());
    }

    public boolean ended() {
        return status == RequestStatus.SUCCEEDED || status == RequestStatus.FAILED || status == RequestStatus.FAILED_ROLLED_BACK
                || status == RequestStatus.REJECTED;
    }
}
