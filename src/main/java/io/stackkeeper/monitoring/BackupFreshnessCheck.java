package io.stackkeeper.monitoring;

import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.SavedBackupPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The age of a plan's newest successful set against its schedule. Without thresholds of its own, a set older than
 * one and a half periods is a WARNING and older than two a CRITICAL (the dashboard's "overdue").
 */
@Component
record BackupFreshnessCheck(BackupService backups, Clock clock) {

    Finding check(ProbeDefinition probe) {
        String name = probe.settings().target();
        SavedBackupPlan plan = backups.plan(name).orElseThrow(() -> new CheckUnavailableException("There is no backup plan '" + name + "'."));
        Duration period = period(plan.nextRuns());
        BackupRunRecord newest = backups.newestSet(name).orElse(null);
        if (newest == null) {
            return Finding.failed("plan " + name + " has no successful set yet", new Measure("age", Double.NaN, "s"));
        }
        Instant done = newest.finishedAt() == null ? newest.startedAt() : newest.finishedAt();
        Duration age = Duration.between(done, clock.instant());
        Measure measure = new Measure("age", age.toSeconds(), "s");
        String message = "newest set of " + name + " is " + words(age) + " old (runs " + plan.scheduleInWords() + ")";
        if (!probe.thresholds().none()) {
            return Finding.measured(message, measure);
        }
        if (age.compareTo(period.multipliedBy(2)) > 0) {
            return Finding.failed(message, measure);
        }
        if (age.compareTo(period.multipliedBy(3).dividedBy(2)) > 0) {
            return Finding.warning(message, measure);
        }
        return new Finding(ProbeState.OK, message, List.of(measure));
    }

    private static Duration period(List<Instant> next) {
        return next.size() >= 2 ? Duration.between(next.get(0), next.get(1)) : Duration.ofDays(1);
    }

    private static String words(Duration age) {
        if (age.toDays() >= 2) {
            return age.toDays() + " days";
        }
        if (age.toHours() >= 2) {
            return age.toHours() + " hours";
        }
        return Math.max(0, age.toMinutes()) + " minutes";
    }
}
