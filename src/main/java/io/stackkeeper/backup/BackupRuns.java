package io.stackkeeper.backup;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.DataFolder;
import io.stackkeeper.security.SystemActor;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts backup runs of a plan, now or in the background, and the full backup an upgrade takes first. */
@Component
class BackupRuns {

    private static final Logger log = LoggerFactory.getLogger(BackupRuns.class);

    private final BackupPlanRepository plans;
    private final BackupRunRepository runs;
    private final BackupRunner runner;
    private final DataFolder dataFolder;
    private final ExecutorService work = Executors.newCachedThreadPool(DaemonThreads.named("backup-work"));

    BackupRuns(BackupPlanRepository plans, BackupRunRepository runs, BackupRunner runner, DataFolder dataFolder) {
        this.plans = plans;
        this.runs = runs;
        this.runner = runner;
        this.dataFolder = dataFolder;
    }

    BackupRunRecord start(String plan, BackupReason reason, String actor) {
        BackupPlanSettings settings = planSettings(plan);
        BackupRun run = runner.begin(settings, reason, actor);
        inBackground(() -> SystemActor.run(() -> runner.execute(run, settings, true)));
        return run.record();
    }

    BackupRunRecord runAndWait(String plan, BackupReason reason, String actor) {
        BackupPlanSettings settings = planSettings(plan);
        BackupRun run = runner.begin(settings, reason, actor);
        return SystemActor.call(() -> runner.execute(run, settings, true));
    }

    /** The full backup before an upgrade, linked to it; the caller, the upgrade, holds the stack exclusively. */
    BackupRunRecord beforeUpgrade(String upgrade, String startedBy) {
        BackupPlanSettings plan = fullCopyOf(fullPlan().or(() -> plans.findAllByOrderByNameAsc().stream().findFirst()),
                dataFolder.resolve("backups"));
        BackupRun run = runner.begin(plan, BackupReason.PRE_UPGRADE, startedBy);
        runner.link(run.id, upgrade);
        return SystemActor.call(() -> runner.execute(run, plan, false));
    }

    /** Room for a full backup: the plan backing up MongoDB and storage, its target's free space and its last set's size. */
    BackupSpace fullBackupSpace() {
        Optional<BackupPlan> full = fullPlan();
        if (full.isEmpty()) {
            return new BackupSpace(null, -1, 0);
        }
        BackupPlan plan = full.get();
        long lastSet = runs.findFirstByPlanNameAndStatusOrderByStartedAtDesc(plan.name, RunStatus.SUCCEEDED)
                .map(run -> run.sizeBytes == null ? 0L : run.sizeBytes).orElse(0L);
        Path target = plan.settings().targetPath();
        while (target != null && !Files.exists(target)) {
            target = target.getParent();
        }
        long free = -1;
        try {
            free = target == null ? -1 : Files.getFileStore(target).getUsableSpace();
        } catch (IOException e) {
            log.debug("Free space of {} unknown: {}", target, e.getMessage());
        }
        return new BackupSpace(plan.name, free, lastSet);
    }

    /** Runs work (a run, an import's checks) on the backup pool. */
    void inBackground(Runnable task) {
        work.execute(task);
    }

    /** The plan's settings backing up everything, or the default nightly plan into {@code fallbackTarget} without one. */
    static BackupPlanSettings fullCopyOf(Optional<BackupPlan> plan, Path fallbackTarget) {
        return plan.map(BackupPlan::settings)
                .map(p -> new BackupPlanSettings(p.name(), p.cron(), p.target(), Contents.BOTH, p.includeSystemDatabases(),
                        p.compressionLevel(), p.retention(), null, p.enabled()))
                .orElseGet(() -> BackupPlanSettings.nightly(fallbackTarget));
    }

    private Optional<BackupPlan> fullPlan() {
        return plans.findByName("nightly").filter(plan -> plan.contents == Contents.BOTH)
                .or(() -> plans.findAllByOrderByNameAsc().stream().filter(plan -> plan.contents == Contents.BOTH).findFirst());
    }

    private BackupPlanSettings planSettings(String plan) {
        if (plan == null || plan.isBlank()) {
            throw new IllegalArgumentException("Name the plan to back up, e.g. {\"plan\": \"nightly\"}.");
        }
        return plans.findByName(plan).map(BackupPlan::settings)
                .orElseThrow(() -> new NoSuchElementException("There is no plan named '" + plan + "'."));
    }

    @PreDestroy
    void shutdown() {
        work.shutdownNow();
    }
}
