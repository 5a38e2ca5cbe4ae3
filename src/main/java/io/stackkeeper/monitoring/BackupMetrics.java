package io.stackkeeper.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stackkeeper.backup.BackupEvents;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.SavedBackupPlan;
import io.stackkeeper.security.SystemActor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** {@code stackkeeper_backup_last_success_timestamp_seconds} per plan: when its newest successful set was written. */
@Component
class BackupMetrics {

    private final BackupService backups;
    private final MeterRegistry registry;
    private final Map<String, Double> lastSuccess = new ConcurrentHashMap<>();

    BackupMetrics(BackupService backups, MeterRegistry registry) {
        this.backups = backups;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        SystemActor.run(() -> backups.plans().stream().map(SavedBackupPlan::name).forEach(this::refresh));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onBackup(BackupEvents.BackupSucceeded succeeded) {
        SystemActor.run(() -> refresh(succeeded.plan()));
    }

    private void refresh(String plan) {
        double seconds = backups.newestSet(plan).map(run -> (double) (run.finishedAt() == null ? run.startedAt() : run.finishedAt())
                .getEpochSecond()).orElse(Double.NaN);
        if (lastSuccess.put(plan, seconds) == null) {
            Gauge.builder("stackkeeper.backup.last.success.timestamp", lastSuccess, known -> known.getOrDefault(plan, Double.NaN))
                    .tag("plan", plan).baseUnit("seconds")
                    .description("When the plan's newest successful backup set was written (Unix time)").register(registry);
        }
    }
}
