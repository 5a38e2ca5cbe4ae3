package io.stackkeeper.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored backup plan. */
@Entity
@Table(name = "backup_plan")
class BackupPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, unique = true)
    String name;
    @Column(nullable = false)
    String cron;
    @Column(nullable = false)
    String target;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    Contents contents;
    @Column(name = "include_system_databases", nullable = false)
    boolean includeSystemDatabases;
    @Column(name = "compression_level", nullable = false)
    int compressionLevel;
    @Column(name = "keep_last", nullable = false)
    int keepLast;
    @Column(name = "keep_hourly", nullable = false)
    int keepHourly;
    @Column(name = "keep_daily", nullable = false)
    int keepDaily;
    @Column(name = "keep_weekly", nullable = false)
    int keepWeekly;
    @Column(name = "keep_monthly", nullable = false)
    int keepMonthly;
    @Column(name = "keep_yearly", nullable = false)
    int keepYearly;
    @Column(name = "verify_cron")
    String verifyCron;
    @Column(nullable = false)
    boolean enabled;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    BackupPlanSettings settings() {
        return new BackupPlanSettings(name, cron, target, contents, includeSystemDatabases, compressionLevel,
                new RetentionPolicy(keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly), verifyCron, enabled);
    }

    void apply(BackupPlanSettings settings) {
        name = settings.name();
        cron = settings.cron().strip();
        target = settings.targetPath().toString();
        contents = settings.contents();
        includeSystemDatabases = settings.includeSystemDatabases();
        compressionLevel = settings.compressionLevel();
        RetentionPolicy retention = settings.retention();
        keepLast = retention.keepLast();
        keepHourly = retention.keepHourly();
        keepDaily = retention.keepDaily();
        keepWeekly = retention.keepWeekly();
        keepMonthly = retention.keepMonthly();
        keepYearly = retention.keepYearly();
        verifyCron = settings.verifyCron() == null || settings.verifyCron().isBlank() ? null : settings.verifyCron().strip();
        enabled = settings.enabled();
    }
}
