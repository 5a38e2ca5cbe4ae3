package io.stackkeeper.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A backup run as history shows it.
 *
 * @param location the set's folder; {@code null} for a failed run
 * @param verifyProblems files that failed the last verify; empty when it passed or never ran
 * @param drillOk whether the last restore drill matched every count and digest; {@code null} before the first drill
 * @param removedAt when retention removed the set's files
 */
public record BackupRunRecord(String id, String plan, BackupReason trigger, String actor, RunStatus status, Instant startedAt,
        Instant finishedAt, String location, Long sizeBytes, Long documents, String error, Instant verifiedAt,
        List<String> verifyProblems, Instant drilledAt, Boolean drillOk, Long drillMillis, String drillReport, boolean pinned,
        String linkedTo, Instant removedAt, boolean imported) {

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** Bytes written per second, or {@code null} while unknown. */
    public Long bytesPerSecond() {
        Duration duration = duration();
        if (sizeBytes == null || duration == null) {
            return null;
        }
        return sizeBytes * 1000 / Math.max(1, duration.toMillis());
    }

    /** Verified when the last check found every file intact. */
    public boolean verified() {
        return verifiedAt != null && verifyProblems.isEmpty();
    }

    /** The set's files are there to restore from. */
    public boolean restorable() {
        return status == RunStatus.SUCCEEDED && removedAt == null;
    }
}
