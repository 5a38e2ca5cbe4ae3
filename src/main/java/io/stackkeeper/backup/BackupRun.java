package io.stackkeeper.backup;

import jakarta.persistence.Column;
import io.stackkeeper.base.LongText;
import org.hibernate.annotations.JdbcType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One backup run and, when it succeeded, the set it wrote. */
@Entity
@Table(name = "backup_run")
class BackupRun {

    @Id
    String id;
    @Column(name = "plan_name", nullable = false)
    String planName;
    @Column(name = "run_trigger", nullable = false)
    @Enumerated(EnumType.STRING)
    BackupReason trigger;
    @Column(nullable = false)
    String actor;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    RunStatus status;
    @Column(name = "started_at", nullable = false)
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    String location;
    @Column(name = "size_bytes")
    Long sizeBytes;
    Long documents;
    String error;
    @JdbcType(LongText.class)
    String manifest;
    @Column(name = "verified_at")
    Instant verifiedAt;
    @Column(name = "verify_problems")
    String verifyProblems;
    @Column(name = "drilled_at")
    Instant drilledAt;
    @Column(name = "drill_ok")
    Boolean drillOk;
    @Column(name = "drill_millis")
    Long drillMillis;
    @Column(name = "drill_report")
    String drillReport;
    @Column(nullable = false)
    boolean pinned;
    @Column(name = "portal_instance")
    String portalInstance;
    @Column(name = "linked_to")
    String linkedTo;
    @Column(name = "linked_at")
    Instant linkedAt;
    @Column(name = "removed_at")
    Instant removedAt;
    @Column(nullable = false)
    boolean imported;

    /** Records a complete set: where it is, and its size, documents and manifest. */
    void recordSet(Manifest set, String folder) {
        location = folder;
        sizeBytes = set.totalSize();
        documents = set.documents();
        manifest = set.toJson();
    }

    BackupRunRecord record() {
        return new BackupRunRecord(id, planName, trigger, actor, status, startedAt, finishedAt, location, sizeBytes, documents, error,
                verifiedAt, verifyProblems == null ? List.of() : List.of(verifyProblems.split("\n")), drilledAt, drillOk, drillMillis,
                drillReport, pinned, linkedTo, removedAt, imported);
    }

    static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
