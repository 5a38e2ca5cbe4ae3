package io.stackkeeper.backup;

import java.nio.file.Path;
import java.util.List;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How backups, drills and restores run.
 *
 * @param parallelism collections dumped at the same time ({@code STACKKEEPER_BACKUP_PARALLELISM}, default 2)
 * @param restoreBatchSize documents inserted per batch by restores and drills
 * @param healthTimeout how long a restored backend has to answer 200 on {@code /} and {@code /status}
 * @param stopGrace how long the backend gets to stop before a restore
 * @param linkProtection how long a set linked to an upgrade or a restore is protected from retention
 * @param allowedRoots the folders backup targets must be under ({@code STACKKEEPER_BACKUP_ALLOWED_ROOTS}, comma-separated;
 *     default {@code <data folder>/backups})
 * @param freeSpaceReserve free space a backup leaves on the target's file system at least, after a set the size of
 *     the plan's largest ({@code STACKKEEPER_BACKUP_FREE_SPACE_RESERVE}, default 1GB)
 * @param freeSpaceReservePercent the same as a share of the file system; the larger of the two counts (default 5)
 */
@ConfigurationProperties("stackkeeper.backup")
record BackupProperties(@DefaultValue("2") int parallelism, @DefaultValue("1000") int restoreBatchSize,
        @DefaultValue("5m") Duration healthTimeout, @DefaultValue("30s") Duration stopGrace,
        @DefaultValue("14d") Duration linkProtection, List<Path> allowedRoots, @DefaultValue("1GB") DataSize freeSpaceReserve,
        @DefaultValue("5") int freeSpaceReservePercent) {

    /** The configured roots, or {@code <data folder>/backups}. */
    List<Path> allowedRoots(Path dataFolder) {
        return allowedRoots == null || allowedRoots.isEmpty() ? List.of(dataFolder.resolve("backups")) : allowedRoots;
    }

    /** What must stay free on a file system of {@code totalBytes}. */
    long reserveOn(long totalBytes) {
        return Math.max(freeSpaceReserve.toBytes(), totalBytes / 100 * freeSpaceReservePercent);
    }
}
