package io.stackkeeper.backup;

import java.time.Instant;

/**
 * A restore as the API and the pages show it, saved at every step.
 *
 * @param step the step reached, 1 to {@code RestoreStep.TITLES.size()}; 0 before the first
 * @param message what the step reached last said
 * @param outcome how the restore ended, with what to do next; {@code null} while it runs
 */
public record RestoreRecord(String id, String setId, String actor, Status status, Instant startedAt, Instant finishedAt, int step,
        String stepTitle, RestoreStep.State stepState, String message, String safetySetId, String keptStorageFolder, String outcome) {

    /** Where a restore is: running, done, failed at a step, or cut off by a stop of the portal. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }
}
