package io.stackkeeper.backup;

import io.stackkeeper.base.DataFolder;
import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsSaved;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup plans: saved under their rules (fields, allowed target folders, no destructive change unconfirmed),
 * scheduled, and the default {@code nightly} plan once a stack is configured. {@link BackupService} is its gate.
 */
@Component
class PlanBook {

    private static final Logger log = LoggerFactory.getLogger(PlanBook.class);

    private final BackupPlanRepository plans;
    private final BackupRunRepository runs;
    private final BackupSchedules schedules;
    private final RetentionKeeper retention;
    private final DeletionGuard deletionGuard;
    private final TargetRoots targetRoots;
    private final StackService stack;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DataFolder dataFolder;
    private final TransactionTemplate ownTransaction;

    PlanBook(BackupPlanRepository plans, BackupRunRepository runs, BackupSchedules schedules, RetentionKeeper retention,
            DeletionGuard deletionGuard, TargetRoots targetRoots, StackService stack, ApplicationEventPublisher events, Clock clock,
            DataFolder dataFolder, PlatformTransactionManager transactions) {
        this.plans = plans;
        this.runs = runs;
        this.schedules = schedules;
        this.retention = retention;
        this.deletionGuard = deletionGuard;
        this.targetRoots = targetRoots;
        this.stack = stack;
        this.events = events;
        this.clock = clock;
        this.dataFolder = dataFolder;
        this.ownTransaction = Transactions.requiresNew(transactions);
    }

    List<SavedBackupPlan> all() {
        return plans.findAllByOrderByNameAsc().stream().map(this::saved).toList();
    }

    Optional<SavedBackupPlan> find(String name) {
        return plans.findByName(name).map(this::saved);
    }

    SavedBackupPlan save(Long id, BackupPlanSettings settings, boolean confirmDeletion) {
        Map<String, String> problems = new LinkedHashMap<>(settings.problems(knownStorageFolder()));
        if (!problems.containsKey("target")) {
            BackupTargets.problem(settings.targetPath(), targetRoots.all()).ifPresent(p -> problems.put("target", p));
        }
        Optional<BackupPlan> sameName = settings.name() == null ? Optional.empty() : plans.findByName(settings.name());
        if (sameName.isPresent() && !sameName.get().id.equals(id)) {
            problems.put("name", "A plan named '" + settings.name() + "' exists already.");
        }
        if (!problems.isEmpty()) {
            throw new FieldsRefusedException("The plan cannot be saved", problems);
        }
        BackupPlan plan = id == null ? new BackupPlan()
                : plans.findById(id).orElseThrow(() -> new NoSuchElementException("There is no plan with id " + id + "."));
        String previousName = plan.name;
        if (id != null) {
            deletionGuard.checkPlanChange(plan, settings, confirmDeletion);
        }
        if (previousName != null && !previousName.equals(settings.name()) && runs.existsByPlanNameAndStatus(previousName, RunStatus.RUNNING)) {
            throw new IllegalStateException("Plan '" + previousName + "' is running a backup: rename it when the backup has finished.");
        }
        plan.apply(settings);
        plan.updatedAt = clock.instant();
        plan.updatedBy = RequestOrigin.actor();
        plans.save(plan);
        if (previousName != null && !previousName.equals(plan.name)) {
            schedules.unschedule(previousName);
        }
        schedules.schedule(plan.settings());
        events.publishEvent(new BackupEvents.PlanChanged(plan.name, id == null ? "created" : "changed"));
        return saved(plan);
    }

    void delete(String name) {
        BackupPlan plan = plans.findByName(name).orElseThrow(() -> new NoSuchElementException("There is no plan named '" + name + "'."));
        plans.delete(plan);
        schedules.unschedule(name);
        events.publishEvent(new BackupEvents.PlanChanged(name, "deleted"));
    }

    RetentionDecision previewRetention(String plan, RetentionPolicy policy) {
        return plans.findByName(plan).map(saved -> retention.preview(plan, saved.settings().targetPath(), policy))
                .orElseGet(() -> new RetentionDecision(List.of(), List.of()));
    }

    TargetFolders targetFolders() {
        return new TargetFolders(targetRoots.configured().stream().map(Path::toString).toList(),
                targetRoots.added().stream().map(Path::toString).toList());
    }

    TargetFolders allowTargetFolders(List<String> folders) {
        List<String> before = targetFolders().added();
        targetRoots.replaceAdded(folders, RequestOrigin.actor());
        TargetFolders after = targetFolders();
        events.publishEvent(new BackupEvents.TargetFoldersChanged(before, after.added()));
        return after;
    }

    /** When a stack is configured and no plan exists, the default {@code nightly} plan is created. */
    @TransactionalEventListener(fallbackExecution = true)
    void onStackSaved(StackSettingsSaved saved) {
        SystemActor.run(this::ensureDefaultPlan);
    }

    /** Schedules enabled plans whose triggers Quartz no longer holds (one that fails stops no other); then the default. */
    void scheduleAndEnsureDefault() {
        plans.findAll().forEach(plan -> {
            try {
                if (plan.enabled && schedules.backupTrigger(plan.name) == null) {
                    schedules.schedule(plan.settings());
                }
            } catch (RuntimeException e) {
                log.error("Plan '{}' could not be scheduled: {}", plan.name, e.getMessage());
            }
        });
        ensureDefaultPlan();
    }

    private void ensureDefaultPlan() {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (plans.count() == 0 && stack.configured()) {
                    BackupPlanSettings nightly = BackupPlanSettings.nightly(dataFolder.resolve("backups"));
                    save(null, nightly, false);
                    log.info("Created the default backup plan 'nightly' into {}", nightly.target());
                }
            });
        } catch (RuntimeException e) {
            log.warn("The default backup plan could not be created: {}", e.getMessage());
        }
    }

    private Path knownStorageFolder() {
        try {
            return stack.configured() ? SystemActor.call(stack::storageFolder).orElse(null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private SavedBackupPlan saved(BackupPlan plan) {
        CronSchedule schedule = new CronSchedule(plan.cron);
        List<Instant> next = plan.enabled ? schedule.nextRuns(clock.instant(), 5) : List.of();
        return new SavedBackupPlan(plan.id, plan.settings(), schedule.inWords(), next, plan.updatedAt, plan.updatedBy);
    }
}
