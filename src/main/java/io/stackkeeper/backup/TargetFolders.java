package io.stackkeeper.backup;

import java.util.List;

/**
 * The folders backup targets must be under.
 *
 * @param configured set by the portal's configuration ({@code STACKKEEPER_BACKUP_ALLOWED_ROOTS}, default
 *     {@code <data>/backups})
 * @param added allowed by an admin beside them
 */
public record TargetFolders(List<String> configured, List<String> added) {
}
