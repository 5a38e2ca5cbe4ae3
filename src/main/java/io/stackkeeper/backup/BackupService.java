package io.stackkeeper.backup;

import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.security.Roles;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The backup feature's public face and its security gate: plans and their schedules ({@link PlanBook}), backup runs
 * ({@link BackupRuns}) and their history ({@link BackupHistory}), verify and restore drills ({@link SetChecks}),
 * pinning and deletion ({@link SetKeeping}), restores ({@link Restores}), imports ({@link SetImport}), and the live
 * progress of running work ({@link ProgressBoard}). Start-up recovery is {@link StartupRecovery}'s.
 */
@Service
public class BackupService {

    private final PlanBook planBook;
    private final BackupRuns backupRuns;
    private final BackupHistory history;
    private final SetChecks setChecks;
    private final SetKeeping setKeeping;
    private final Restores restores;
    private final SetImport setImport;
    private final ProgressBoard board;

    BackupService(PlanBook planBook, BackupRuns backupRuns, BackupHistory history, SetChecks setChecks, SetKeeping setKeeping,
            Restores restores, SetImport setImport, ProgressBoard board) {
        this.planBook = planBook;
        this.backupRuns = backupRuns;
        this.history = history;
        this.setChecks = setChecks;
        this.setKeeping = setKeeping;
        this.restores = restores;
        this.setImport = setImport;
        this.board = board;
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

    // ---- Runs ----------------------------------------------------------------------------------------------------

    /** Starts a backup of the plan in the background; answers the RUNNING run at once. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord backUp(String plan, BackupReason trigger) {
        return backupRuns.start(plan, trigger, RequestOrigin.actor());
    }

    /** Runs a backup of the plan and answers when it has ended, successful or not. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord backUpAndWait(String plan, BackupReason trigger) {
        return backupRuns.runAndWait(plan, trigger, RequestOrigin.actor());
    }

    /** A page of the history, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<BackupRunRecord> runs(RunQuery query, long offset, int limit) {
        return history.page(query, offset, limit);
    }

    /** How many runs the query matches, for the history's total. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public long countRuns(RunQuery query) {
        return history.count(query);
    }

    /** One run by its id, with its set's state (verified, drilled, pinned, removed). */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> run(String id) {
        return history.find(id);
    }

    /** The manifest of a successful run's set, as recorded when it was written. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<Manifest> manifest(String id) {
        return history.manifest(id);
    }

    /** The history matching the query as CSV, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public void exportCsv(RunQuery query, Writer out) {
        history.exportCsv(query, out);
    }

    /** The newest set of a plan that still has its files. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> newestSet(String plan) {
        return history.newestSet(plan);
    }

    /** The newest successful backup of any plan. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> lastSuccessful() {
        return history.lastSuccessful();
    }

    /** The newest set whose restore drill matched every collection. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<BackupRunRecord> lastVerifiedRestorable() {
        return history.lastVerifiedRestorable();
    }

    /**
     * Whether the newest successful backup is older than twice the period of its plan's schedule (or than two days
     * without a plan), which the dashboard shows in red.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean backupOverdue() {
        return history.overdue();
    }

    /** Recomputes every checksum of the set's manifest; the result names each bad file. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord verify(String id) {
        return setChecks.verify(id);
    }

    /** Restores the set's dump into scratch databases, compares counts and digests, drops them; records the result. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord drill(String id) {
        return setChecks.drill(id);
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
        return setKeeping.pin(id, pinned, confirmDeletion);
    }

    /**
     * Deletes a set's files for good (an imported set is deleted only this way): an ADMIN, typing the set's id, while
     * no work holds the stack; a pinned set, or one linked to a restore, drill or upgrade within the protection, stays.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public BackupRunRecord deleteSet(String id, String typedId) {
        return setKeeping.delete(id, typedId);
    }

    /**
     * Room for a full backup before an upgrade: the plan backing up MongoDB and storage ({@code nightly} first), its
     * target's free space and its last set's size.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public BackupSpace fullBackupSpace() {
        return backupRuns.fullBackupSpace();
    }

    /**
     * A full backup (MongoDB and storage) before an upgrade, linked to it so that retention keeps it; answers when it
     * has ended, successful or not. The caller, the upgrade, holds the stack exclusively.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public BackupRunRecord backUpBeforeUpgrade(String upgrade, String startedBy) {
        return backupRuns.beforeUpgrade(upgrade, startedBy);
    }

    // ---- Restore -------------------------------------------------------------------------------------------------

    /**
     * Restores a set onto the stack in seven steps (check and stage, safety backup, stop, MongoDB, storage folder,
     * recreate, health), telling the listener about each from this thread. Refused unless {@code typedStackName} is the
     * stack's name, and while any other work runs on the stack.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public RestoreOutcome restore(String id, String typedStackName, Consumer<RestoreStep> listener) {
        return restores.run(restores.prepare(id, typedStackName, RequestOrigin.actor()), listener);
    }

    /** The same restore with the same checks, run in the background; answers its record at once, to poll. */
    @PreAuthorize(Roles.IS_ADMIN)
    public RestoreRecord startRestore(String id, String typedStackName) {
        return restores.start(restores.prepare(id, typedStackName, RequestOrigin.actor()));
    }

    /** A restore as the journal keeps it, saved at every step. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public Optional<RestoreRecord> restoreRun(String restoreId) {
        return restores.find(restoreId);
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
        backupRuns.inBackground(() -> setImport.finish(pending));
        return history.find(pending.runId()).orElseThrow();
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
