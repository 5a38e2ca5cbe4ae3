package io.stackkeeper.backup;

import java.time.Instant;

/**
 * Live state of running work (a backup, a drill or a restore step) as pages show it.
 *
 * @param work what runs, e.g. {@code backup} or {@code restore}
 * @param current the collection or folder being processed
 * @param fraction 0 to 1 when the total is known (estimated from the plan's last set), {@code -1} otherwise
 * @param finished whether the work has ended; {@code error} says why when it failed
 */
public record BackupProgress(String runId, String plan, String work, String current, long documentsDone, long bytesDone,
        long bytesPerSecond, double fraction, Instant startedAt, boolean finished, String error) {
}
