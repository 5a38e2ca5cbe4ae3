package io.stackkeeper.upgrade;

import java.time.Instant;

/**
 * A release catalog in the history: the shipped one ({@code id} 0, no uploader) or an upload.
 *
 * @param inUse whether the planner uses it now (the newest)
 */
public record CatalogVersion(long id, int revision, String uploadedBy, Instant uploadedAt, int releases, int breakingChanges,
        boolean inUse) {
}
