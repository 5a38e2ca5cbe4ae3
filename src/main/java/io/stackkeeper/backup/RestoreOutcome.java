package io.stackkeeper.backup;

/**
 * How a restore ended.
 *
 * @param safetySetId the set taken before anything changed, to go back to; {@code null} if none was written
 * @param keptStorageFolder where the storage folder as it was before the restore is kept; {@code null} if untouched
 */
public record RestoreOutcome(boolean ok, int failedStep, String message, String safetySetId, String keptStorageFolder) {
}
