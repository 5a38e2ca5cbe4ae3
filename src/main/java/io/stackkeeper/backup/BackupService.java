package io.stackkeeper.backup;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.base.CsvRow;
import io.stackkeeper.base.DataFolder;
import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.OffsetPage;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.security.Roles;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup feature's one public service: plans and their schedules, backup runs and their history, verify and
 * restore drills, retention, and the live progress of running work.
 */
@Service
public class BackupService implements org.springframework.beans.factory.SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "startedAt").and(Sort.by(Sort.Direction.DESC, "id"));

    private final BackupPlanRepository plans;
    private final BackupRunRepository runs;
    private final BackupRunner runner;
    private final ProgressBoard board;
    private final StackService stack;
    private final BackupProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DataFolder dataFolder;
    private final Restores restores;
    private final DeletionGuard deletionGuard;
    private final PlanBook planBook;
    private final SetImport setImport;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService work;

    BackupService(PlanBook planBook, BackupPlanRepository plans, BackupRunRepository runs, BackupRunner runner, ProgressBoard board,
            StackService stack, BackupProperties properties, ApplicationEventPublisher events, Clock clock, DataFolder dataFolder,
            Restores restores, SetImport setImport, DeletionGuard deletionGuard, PlatformTransactionManager transactions) {
        this.planBook = planBook;
        this.deletionGuard = deletionGuard;
        this.plans = plans;
        this.runs = runs;
        this.runner = runner;
        this.board = board;
        this.stack = stack;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.dataFolder = dataFolder;
        this.restores = restores;
        this.setImport = setImport;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.work = Executors.newCachedThreadPool(DaemonThreads.named("backup-work"));
    }

    @PreDestroy
    void shutdown() {
        work.shutdownNow();
    }

    // ---- Plans (kept by PlanBook) ---------------------------------------------------------------------------------

    /** Every plan, by name. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<SavedBackupPlan> plans() {
        return planBook.all();
    }

    /** One plan by name. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<SavedBackupPlan> plan(String name) {
        return planBook.find(name);
    }

    /**
     * Creates a plan ({@code id} null) or changes one, and (re)schedules it. Refused with a
     * {@link FieldsRefusedException} naming each bad field.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public SavedBackupPlan savePlan(Long id, BackupPlanSettings settings) {
        return planBook.save(id, settings, false);
    }

    /**
     * The same, for a change after which retention would delete existing sets (a lower retention, other contents):
     * only an ADMIN makes it, with {@code confirmDeletion}; otherwise a {@link DeletionNotConfirmedException} names the
     * sets that would go.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public SavedBackupPlan savePlan(Long id, BackupPlanSettings settings, boolean confirmDeletion) {
        return planBook.save(id, settings, confirmDeletion);
    }

    /** The folders backup targets must be under: the configured ones, then those an admin added. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public TargetFolders targetFolders() {
        return planBook.targetFolders();
    }

    /** Replaces the folders an admin allowed beside the configured ones; plans whose target leaves them stay as saved. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public TargetFolders allowTargetFolders(List<String> folders) {
        return planBook.allowTargetFolders(folders);
    }

    /** Deletes a plan and its schedules; its sets and their history stay. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public void deletePlan(String name) {
        planBook.delete(name);
    }

    /** Which of these set times a policy would keep (and why) or remove; touches nothing. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public RetentionDecision previewRetention(RetentionPolicy policy, List<Instant> setTimes) {
        if (policy == null) {
            throw new IllegalArgumentException("Send a 'policy'.");
        }
        return Retention.apply(policy, setTimes == null ? List.of() : setTimes);
    }

    /** What a policy would do to a plan's existing sets, with the newest, pinned and linked sets protected. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public RetentionDecision previewRetention(String plan, RetentionPolicy policy) {
        return planBook.previewRetention(plan, policy);
    }

    /**
     * Before Quartz starts (and fires what was missed while the portal was down): runs the last stop interrupted are
     * marked FAILED and their partial folders removed, so that a missed run of the same plan is not refused as
     * "already running"; restores it interrupted are marked too.
     */
    @Override
    public void afterSingletonsInstantiated() {
        SystemActor.run(() -> {
            List<Path> targets = plans.findAll().stream().map(plan -> plan.settings().targetPath()).distinct().toList();
            List<String> interrupted = runner.recoverInterrupted(targets);
            if (!interrupted.isEmpty()) {
                log.warn("Backup runs interrupted by the last stop, now FAILED: {}", interrupted);
            }
            restores.markInterrupted();
        });
    }

    /** Repairs what interrupted restores left, schedules plans Quartz no longer holds, and creates the default plan. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        work.execute(restores::repairInterrupted);
        SystemActor.run(planBook::scheduleAndEnsureDefault);
    }

    // ---- Runs ----------------------------------------------------------------------------------------------------

    /** Starts a backup of the plan in the background; answers the RUNNING run at once. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord backUp(String plan, Trigger trigger) {
        BackupPlanSettings settings = planSettings(plan);
        BackupRun run = runner.begin(settings, trigger, RequestOrigin.actor());
        work.execute(() -> SystemActor.run(() -> runner.execute(run, settings, true)));
        return run.record();
    }

    /** Runs a backup of the plan and answers when it has ended, successful or not. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord backUpAndWait(String plan, Trigger trigger) {
        BackupPlanSettings settings = planSettings(plan);
        BackupRun run = runner.begin(settings, trigger, RequestOrigin.actor());
        return SystemActor.call(() -> runner.execute(run, settings, true));
    }

    private BackupPlanSettings planSettings(String plan) {
        if (plan == null || plan.isBlank()) {
            throw new IllegalArgumentException("Name the plan to back up, e.g. {\"plan\": \"nightly\"}.");
        }
        return plans.findByName(plan).map(BackupPlan::settings)
                .orElseThrow(() -> new NoSuchElementException("There is no plan named '" + plan + "'."));
    }

    /** A page of the history, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<BackupRunRecord> runs(RunQuery query, long offset, int limit) {
        return runs.findAll(BackupRunRepository.matching(query), new OffsetPage(offset, Math.max(1, limit), NEWEST_FIRST)).stream()
                .map(BackupRun::record).toList();
    }

    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public long countRuns(RunQuery query) {
        return runs.count(BackupRunRepository.matching(query));
    }

    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> run(String id) {
        return runs.findById(id).map(BackupRun::record);
    }

    /** The manifest of a successful run's set, as recorded when it was written. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<Manifest> manifest(String id) {
        return runs.findById(id).flatMap(run -> Optional.ofNullable(run.manifest)).map(Manifest::fromJson);
    }

    /** The history matching the query as CSV, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public void exportCsv(RunQuery query, Writer out) {
        try {
            out.write("id,plan,status,trigger,actor,started_at,finished_at,duration_s,size_bytes,documents,verified,drill,removed_at,error\r\n");
            int page = 0;
            List<BackupRun> batch;
            do {
                batch = runs.findAll(BackupRunRepository.matching(query), new OffsetPage((long) page * 500, 500, NEWEST_FIRST)).getContent();
                for (BackupRun run : batch) {
                    BackupRunRecord r = run.record();
                    out.write(CsvRow.of(r.id(), r.plan(), r.status(), r.trigger().label(), r.actor(), r.startedAt(), r.finishedAt(),
                            r.duration() == null ? null : r.duration().toSeconds(), r.sizeBytes(), r.documents(),
                            r.verifiedAt() == null ? "" : r.verified() ? "ok" : "failed",
                            r.drillOk() == null ? "" : r.drillOk() ? "ok" : "failed", r.removedAt(), r.error()));
                }
                page++;
            } while (batch.size() == 500);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest set of a plan that still has its files. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> newestSet(String plan) {
        return runs.findByPlanNameAndStatusAndRemovedAtIsNullOrderByStartedAtDesc(plan, RunStatus.SUCCEEDED).stream().findFirst()
                .map(BackupRun::record);
    }

    /** The newest successful backup of any plan. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> lastSuccessful() {
        return runs.findFirstByStatusOrderByStartedAtDesc(RunStatus.SUCCEEDED).map(BackupRun::record);
    }

    /** The newest set whose restore drill matched every collection. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> lastVerifiedRestorable() {
        return runs.findFirstByDrillOkTrueOrderByDrilledAtDesc().map(BackupRun::record);
    }

    /**
     * Whether the newest successful backup is older than twice the period of its plan's schedule (or than two days
     * without a plan), which the dashboard shows in red.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean backupOverdue() {
        Optional<BackupRun> last = runs.findFirstByStatusOrderByStartedAtDesc(RunStatus.SUCCEEDED);
        if (last.isEmpty()) {
            return true;
        }
        Duration period = plans.findByName(last.get().planName).map(plan -> {
            List<Instant> next = new CronSchedule(plan.cron).nextRuns(clock.instant(), 2);
            return next.size() == 2 ? Duration.between(next.get(0), next.get(1)) : Duration.ofDays(1);
        }).orElse(Duration.ofDays(1));
        return Duration.between(last.get().startedAt, clock.instant()).compareTo(period.multipliedBy(2)) > 0;
    }

    /** Recomputes every checksum of the set's manifest; the result names each bad file. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord verify(String id) {
        BackupRunRecord run = restorableRun(id);
        List<String> problems = BackupSetWriter.verify(Path.of(run.location()));
        runner.recordVerify(id, problems);
        events.publishEvent(new BackupEvents.BackupVerified(id, problems));
        return run(id).orElseThrow();
    }

    /** Restores the set's dump into scratch databases, compares counts and digests, drops them; records the result. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord drill(String id) {
        BackupRunRecord run = restorableRun(id);
        RestoreDrill.Result result;
        try (var claim = stack.claim("the restore drill of " + id, false); var mongo = stack.openMongo()) {
            ProgressBoard.Reporter progress = board.start(id, run.plan(), "restore drill", 0);
            List<DumpedCollection> recorded = manifest(id).map(Manifest::collections).orElse(List.of());
            result = new RestoreDrill(mongo, properties.restoreBatchSize()).run(Path.of(run.location()), recorded, progress::advanced);
            progress.finished(result.ok() ? null : result.report());
        }
        runner.recordDrill(id, result);
        events.publishEvent(new BackupEvents.RestoreDrilled(id, result.ok(), result.millis(), result.report()));
        return run(id).orElseThrow();
    }

    /** Pins a set, so retention keeps it whatever the policy says, or unpins it. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public BackupRunRecord pin(String id, boolean pinned) {
        return pin(id, pinned, false);
    }

    /** Unpinning a set that retention would then delete is an ADMIN's, with {@code confirmDeletion}. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public BackupRunRecord pin(String id, boolean pinned, boolean confirmDeletion) {
        BackupRun run = runs.findById(id).orElseThrow(() -> new NoSuchElementException("There is no backup " + id + "."));
        if (!pinned) {
            deletionGuard.checkUnpin(run, plans.findByName(run.planName).orElse(null), confirmDeletion);
        }
        run.pinned = pinned;
        runs.save(run);
        events.publishEvent(new BackupEvents.SetPinned(id, pinned));
        return run.record();
    }

    /**
     * Deletes a set's files for good (an imported set is deleted only this way): an ADMIN, typing the set's id, while
     * no work holds the stack; a pinned set, or one linked to a restore, drill or upgrade within the protection, stays.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public BackupRunRecord deleteSet(String id, String typedId) {
        BackupRunRecord set = restorableRun(id);
        if (typedId == null || !id.equals(typedId.strip())) {
            throw new IllegalArgumentException("Type the set's id, " + id + ", to confirm the deletion.");
        }
        if (set.pinned()) {
            throw new IllegalStateException("Set " + id + " is pinned: unpin it first.");
        }
        Instant linkLimit = clock.instant().minus(properties.linkProtection());
        if (runs.findById(id).map(run -> run.linkedAt != null && run.linkedAt.isAfter(linkLimit)).orElse(false)) {
            throw new IllegalStateException("Set " + id + " is linked to " + set.linkedTo() + " and kept until " + linkLimit + " has passed.");
        }
        Path folder = Path.of(set.location());
        if (!java.nio.file.Files.isRegularFile(folder.resolve(BackupSetWriter.MANIFEST), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || java.nio.file.Files.isSymbolicLink(folder)) {
            throw new IllegalStateException(folder + " does not hold the set's manifest.json (or is a link): nothing is deleted.");
        }
        try (var claim = stack.claim("the deletion of set " + id, true)) {
            if (!BackupSetWriter.delete(folder)) {
                throw new IllegalStateException("Not everything in " + folder + " could be deleted; the set stays listed.");
            }
            ownTransaction.executeWithoutResult(status -> runs.findById(id).ifPresent(run -> {
                run.removedAt = clock.instant();
                runs.save(run);
            }));
        }
        events.publishEvent(new BackupEvents.SetDeleted(id, folder.toString()));
        return run(id).orElseThrow();
    }

    private BackupRunRecord restorableRun(String id) {
        BackupRunRecord run = run(id).orElseThrow(() -> new NoSuchElementException("There is no backup " + id + "."));
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("Backup " + id + " is " + run.status() + ": only a successful set can be checked.");
        }
        if (run.removedAt() != null) {
            throw new IllegalStateException("The set of backup " + id + " was removed by retention at " + run.removedAt() + ".");
        }
        return run;
    }

    /**
     * Room for a full backup before an upgrade: the plan backing up MongoDB and storage ({@code nightly} first), its
     * target's free space and its last set's size.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public BackupSpace fullBackupSpace() {
        Optional<BackupPlan> full = fullPlan();
        if (full.isEmpty()) {
            return new BackupSpace(null, -1, 0);
        }
        BackupPlan plan = full.get();
        long lastSet = runs.findFirstByPlanNameAndStatusOrderByStartedAtDesc(plan.name, RunStatus.SUCCEEDED)
                .map(run -> run.sizeBytes == null ? 0L : run.sizeBytes).orElse(0L);
        Path target = plan.settings().targetPath();
        while (target != null && !java.nio.file.Files.exists(target)) {
            target = target.getParent();
        }
        long free = -1;
        try {
            free = target == null ? -1 : java.nio.file.Files.getFileStore(target).getUsableSpace();
        } catch (IOException e) {
            log.debug("Free space of {} unknown: {}", target, e.getMessage());
        }
        return new BackupSpace(plan.name, free, lastSet);
    }

    /**
     * A full backup (MongoDB and storage) before an upgrade, linked to it so that retention keeps it; answers when it
     * has ended, successful or not. The caller, the upgrade, holds the stack exclusively.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord backUpBeforeUpgrade(String upgrade, String startedBy) {
        Optional<BackupPlan> full = fullPlan();
        BackupPlanSettings plan = fullCopyOf(full.or(() -> plans.findAllByOrderByNameAsc().stream().findFirst()),
                dataFolder.resolve("backups"));
        BackupRun run = runner.begin(plan, Trigger.PRE_UPGRADE, startedBy);
        runner.link(run.id, upgrade);
        return SystemActor.call(() -> runner.execute(run, plan, false));
    }

    private Optional<BackupPlan> fullPlan() {
        return plans.findByName("nightly").filter(plan -> plan.contents == Contents.BOTH)
                .or(() -> plans.findAllByOrderByNameAsc().stream().filter(plan -> plan.contents == Contents.BOTH).findFirst());
    }

    /** The plan's settings backing up everything, or the default nightly plan into {@code fallbackTarget} without one. */
    private static BackupPlanSettings fullCopyOf(Optional<BackupPlan> plan, Path fallbackTarget) {
        return plan.map(BackupPlan::settings)
                .map(p -> new BackupPlanSettings(p.name(), p.cron(), p.target(), Contents.BOTH, p.includeSystemDatabases(),
                        p.compressionLevel(), p.retention(), null, p.enabled()))
                .orElseGet(() -> BackupPlanSettings.nightly(fallbackTarget));
    }

    // ---- Restore -------------------------------------------------------------------------------------------------

    /**
     * Restores a set onto the stack in seven steps (check and stage, safety backup, stop, MongoDB, storage folder,
     * recreate, health), telling the listener about each from this thread. Refused unless {@code typedStackName} is the
     * stack's name, and while any other work runs on the stack.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public RestoreOutcome restore(String id, String typedStackName, Consumer<RestoreStep> listener) {
        return restores.run(prepareRestore(id, typedStackName), listener);
    }

    /** The same restore with the same checks, run in the background; answers its record at once, to poll. */
    @PreAuthorize(Roles.IS_ADMIN)
    public RestoreRecord startRestore(String id, String typedStackName) {
        return restores.start(prepareRestore(id, typedStackName));
    }

    /** A restore as the journal keeps it, saved at every step. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public Optional<RestoreRecord> restoreRun(String restoreId) {
        return restores.find(restoreId);
    }

    private Restores.Prepared prepareRestore(String id, String typedStackName) {
        BackupRunRecord set = restorableRun(id);
        Manifest recorded = manifest(id).orElseThrow(() -> new IllegalStateException("Backup " + id
                + " has no recorded manifest, so its files cannot be proven: it is not restored."));
        String name = stack.stackName().orElseThrow(() -> new IllegalStateException("The stack is not configured yet."));
        if (typedStackName == null || !name.equals(typedStackName.strip())) {
            throw new IllegalArgumentException("Type the stack's name, " + name + ", to confirm the restore.");
        }
        BackupPlanSettings safetyPlan = fullCopyOf(plans.findByName(set.plan()), Path.of(set.location()).getParent());
        return restores.prepare(set, recorded, safetyPlan, RequestOrigin.actor());
    }

    /**
     * Adds a set found in a folder to the history by its manifest alone (a new portal on a new host), after checking
     * every file against it, so that it can be restored. Answers the run: SUCCEEDED, or FAILED naming the bad files.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public BackupRunRecord importSet(String folder) {
        return setImport.finish(setImport.begin(folder, RequestOrigin.actor()));
    }

    /** The same import checked in the background; answers the RUNNING run at once, to poll. */
    @PreAuthorize(Roles.IS_ADMIN)
    public BackupRunRecord startImport(String folder) {
        SetImport.Pending pending = setImport.begin(folder, RequestOrigin.actor());
        work.execute(() -> setImport.finish(pending));
        return run(pending.runId()).orElseThrow();
    }

    // ---- Live progress -------------------------------------------------------------------------------------------

    /** Work running right now, with its progress. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public List<BackupProgress> running() {
        return board.running();
    }

    /**
     * Tells the subscriber about every progress change of running work (from the workers' threads); run the returned
     * handle to unsubscribe.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public Runnable subscribe(Consumer<BackupProgress> subscriber) {
        return board.subscribe(subscriber);
    }
}
