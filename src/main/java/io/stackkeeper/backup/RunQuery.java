package io.stackkeeper.backup;

import java.time.Instant;

/** Filters of the backup history; {@code null} fields match everything. */
public record RunQuery(String plan, RunStatus status, BackupReason trigger, Instant from, Instant to) {

    public static final RunQuery ALL = new RunQuery(null, null, null, null, null);
}
