package io.stackkeeper.audit;

/**
 * The result of checking the hash chain from the first entry to the last.
 *
 * @param firstBrokenEntryId the first entry whose content or link does not match, or {@code null} when intact
 * @param problem what was found at that entry, in words
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenEntryId, String problem) {
}
