package io.stackkeeper.upgrade;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import io.stackkeeper.base.LongText;
import org.hibernate.annotations.JdbcType;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stored upgrade request and its decision. */
@Entity
@Table(name = "upgrade_request")
class UpgradeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "from_backend", nullable = false)
    String fromBackend;
    @Column(name = "from_frontend", nullable = false)
    String fromFrontend;
    @Column(name = "to_backend", nullable = false)
    String toBackend;
    @Column(name = "to_frontend", nullable = false)
    String toFrontend;
    @Column(nullable = false)
    String reason;
    @Column(name = "window_start")
    Instant windowStart;
    @Column(name = "window_end")
    Instant windowEnd;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    RequestStatus status;
    @Column(name = "plan_fingerprint", nullable = false)
    String planFingerprint;
    @Column(name = "requested_by", nullable = false)
    String requestedBy;
    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;
    @Column(name = "decided_by")
    String decidedBy;
    @Column(name = "withdrawn_by")
    String withdrawnBy;
    @Column(name = "withdrawn_at")
    Instant withdrawnAt;
    @Column(name = "decided_at")
    Instant decidedAt;
    @Column(name = "decision_reason")
    String decisionReason;
    @Column(name = "approval_expires_at")
    Instant approvalExpiresAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "upgrade_acknowledgement", joinColumns = @JoinColumn(name = "request_id"))
    List<Acknowledgement> acknowledgements = new ArrayList<>();
    @Column(name = "started_by")
    String startedBy;

    /** The portal (Quartz's instance id) that runs it. */
    @Column(name = "portal_instance")
    String portalInstance;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(name = "from_backend_image")
    String fromBackendImage;
    @Column(name = "from_backend_image_id")
    String fromBackendImageId;
    @Column(name = "from_frontend_image")
    String fromFrontendImage;
    @Column(name = "from_frontend_image_id")
    String fromFrontendImageId;
    @Column(name = "backup_id")
    String backupId;
    @Column(name = "failed_step")
    String failedStep;
    @Column(name = "outcome")
    String outcome;
    @JdbcType(LongText.class)
    @Column(name = "failure_log")
    String failureLog;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "upgrade_step", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    List<RolloutStep> steps = new ArrayList<>();

    UpgradeRequestRecord record() {
        return new UpgradeRequestRecord(id, fromBackend, fromFrontend, toBackend, toFrontend, reason, windowStart, windowEnd,
                status, requestedBy, requestedAt, decidedBy, decidedAt, decisionReason, approvalExpiresAt, List.copyOf(acknowledgements),
                startedBy, startedAt, finishedAt, List.copyOf(steps), backupId, failedStep, outcome,
                failureLog == null ? List.of() : List.of(failureLog.split("\n", -1)));
    }
}
