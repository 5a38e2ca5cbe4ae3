package io.stackkeeper.backup;

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
 */
@ConfigurationProperties("stackkeeper.backup")
record BackupProperties(@DefaultValue("2") int parallelism, @DefaultValue("1000") int restoreBatchSize,
        @DefaultValue("5m") Duration healthTimeout, @DefaultValue("30s") Duration stopGrace,
        @DefaultValue("14d") Duration linkProtection) {
}
