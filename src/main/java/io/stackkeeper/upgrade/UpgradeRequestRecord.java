package io.stackkeeper.upgrade;

import java.time.Instant;
import java.util.List;

/** An upgrade request as history and the API show it. */
public record UpgradeRequestRecord(long id, String from, String toBackend, String toFrontend, String reason, Instant windowStart,
        Instant windowEnd, RequestStatus status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
        String decisionReason, Instant approvalExpiresAt, List<Acknowledgement> acknowledgements) {
}
