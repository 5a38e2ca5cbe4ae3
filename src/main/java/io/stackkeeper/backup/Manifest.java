package io.stackkeeper.backup;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of a backup set: what was backed up, from which stack, and every file with its size and
 * SHA-256, so that a set can be verified, and imported on a new host, from its folder alone.
 */
public record Manifest(int format, String setId, String plan, String trigger, String actor, Instant startedAt,
        Instant finishedAt, String portalVersion, StackState stack, List<DumpedCollection> collections,
        List<BackupFile> files) {

    public static final int FORMAT = 1;

    /** The stack at backup time; fields are null when unknown. */
    public record StackState(String backendImage, String backendVersion, String backendImageId, String frontendImage,
            String frontendVersion, String frontendImageId, String mongoVersion, String featureCompatibilityVersion) {

        public static final StackState UNKNOWN = new StackState(null, null, null, null, null, null, null, null);
    }

    /** The manifest as {@code manifest.json} holds it. */
    public String toJson() {
        try {
            return BackupSetWriter.JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Manifest fromJson(String json) {
        try {
            return BackupSetWriter.JSON.readValue(json, Manifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Not a backup manifest: " + e.getOriginalMessage(), e);
        }
    }

    public long totalSize() {
        return files.stream().mapToLong(BackupFile::size).sum();
    }

    public long documents() {
        return collections.stream().mapToLong(DumpedCollection::documents).sum();
    }
}
