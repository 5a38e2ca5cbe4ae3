package io.stackkeeper.backup;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.StackClaim;
import io.stackkeeper.stack.StackService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Restores as work: claimed and journaled before they start, run here or in the background for the API, and
 * repaired after a stop of the portal cut one off (the backend started again on the folder it had, staging removed).
 */
@Component
class Restores {

    private static final Logger log = LoggerFactory.getLogger(Restores.class);

    /** A restore that may start: the stack is claimed for it alone and the journal has its record. */
    record Prepared(RestoreRecord record, BackupRunRecord set, Manifest recorded, BackupPlanSettings safetyPlan, String actor,
            StackClaim claim) {
    }

    private final RestoreWorkflow workflow;
    private final RestoreJournal journal;
    private final StackService stack;
    private final ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(DaemonThreads.named("restore"));
    private final List<RestoreRun> interrupted = new ArrayList<>();

    private final BackupHistory history;
    private final BackupPlanRepository plans;

    Restores(RestoreWorkflow workflow, RestoreJournal journal, StackService stack, ApplicationEventPublisher events,
            BackupHistory history, BackupPlanRepository plans) {
        this.history = history;
        this.plans = plans;
        this.workflow = workflow;
        this.journal = journal;
        this.stack = stack;
        this.events = events;
    }

    /**
     * Checks that the set can be restored (successful, its files present, its manifest recorded) and that
     * {@code typedStackName} is the stack's name, then prepares it with a safety backup like the set's plan.
     */
    Prepared prepare(String id, String typedStackName, String actor) {
        BackupRunRecord set = history.restorable(id);
        Manifest recorded = history.manifest(id).orElseThrow(() -> new IllegalStateException("Backup " + id
                + " has no recorded manifest, so its files cannot be proven: it is not restored."));
        String name = stack.stackName().orElseThrow(() -> new IllegalStateException("The stack is not configured yet."));
        if (typedStackName == null || !name.equals(typedStackName.strip())) {
            throw new IllegalArgumentException("Type the stack's name, " + name + ", to confirm the restore.");
        }
        BackupPlanSettings safetyPlan = BackupRuns.fullCopyOf(plans.findByName(set.plan()), Path.of(set.location()).getParent());
        return prepare(set, recorded, safetyPlan, actor);
    }

    /** Claims the stack alone (refused while anything else runs on it) and records the restore as RUNNING. */
    Prepared prepare(BackupRunRecord set, Manifest recorded, BackupPlanSettings safetyPlan, String actor) {
        StackClaim claim = stack.claim("the restore of " + set.id(), true);
        try {
            return new Prepared(journal.begin(set.id(), actor), set, recorded, safetyPlan, actor, claim);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    RestoreOutcome run(Prepared restore, Consumer<RestoreStep> listener) {
        try (StackClaim ignored = restore.claim()) {
            return workflow.restore(restore.record().id(), restore.set(), restore.recorded(), restore.safetyPlan(), restore.actor(), listener);
        }
    }

    /** Runs the restore in the background as its caller; answers its record at once, to poll. */
    RestoreRecord start(Prepared restore) {
        SecurityContext caller = SecurityContextHolder.getContext();
        try {
            background.execute(() -> {
                SecurityContextHolder.setContext(caller);
                try {
                    run(restore, step -> { });
                } catch (RuntimeException e) {
                    log.error("The restore {} ended unexpectedly", restore.record().id(), e);
                    journal.finish(restore.record().id(), new RestoreOutcome(false, 0, "The restore ended unexpectedly: "
                            + BackupRunner.describe(e), null, null));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        } catch (RuntimeException e) {
            restore.claim().close();
            throw e;
        }
        return restore.record();
    }

    Optional<RestoreRecord> find(String id) {
        return journal.find(id);
    }

    /** Before the portal takes requests: restores the last stop cut off are marked INTERRUPTED at their step. */
    void markInterrupted() {
        List<RestoreRun> found = journal.markInterrupted();
        if (!found.isEmpty()) {
            log.warn("Restores interrupted by the last stop: {}", found.stream().map(run -> run.id + " at step " + run.step).toList());
        }
        synchronized (interrupted) {
            interrupted.addAll(found);
        }
    }

    /** Once the stack can be reached: puts the backend back on the folder it had where the swap had not happened. */
    void repairInterrupted() {
        List<RestoreRun> todo;
        synchronized (interrupted) {
            todo = List.copyOf(interrupted);
            interrupted.clear();
        }
        for (RestoreRun run : todo) {
            String repair = SystemActor.call(() -> repair(run));
            log.warn("Restore {} (interrupted at step {}): {}", run.id, run.step, repair);
            journal.update(run.id, saved -> saved.outcome = BackupRun.truncate(saved.outcome + " " + repair, 4000));
            events.publishEvent(new BackupEvents.RestoreInterrupted(run.id, run.setId, run.step, repair));
        }
    }

    private String repair(RestoreRun run) {
        Path current = run.storageFolder == null ? null : Path.of(run.storageFolder);
        Path staging = ownSibling(current, run.stagingFolder, RestoreWorkflow.STAGING_MARK);
        Path kept = ownSibling(current, run.keptFolder, RestoreWorkflow.KEPT_MARK);
        StorageSwap.State state = run.step < 5 || current == null ? StorageSwap.State.NOT_SWAPPED
                : run.step > 5 || run.storageSwapped ? StorageSwap.State.SWAPPED : StorageSwap.after(current, staging, kept);
        List<String> done = new ArrayList<>();
        if (run.step == 4) {
            done.add(dropTemporaryCollections());
        }
        try {
            if (state == StorageSwap.State.HALF_SWAPPED) {
                StorageSwap.putBack(current, kept);
                done.add("the storage folder was put back from " + kept);
            }
            if (state != StorageSwap.State.SWAPPED && staging != null && BackupSetWriter.delete(staging)) {
                done.add("the staging folder was removed");
            }
        } catch (IOException | RuntimeException e) {
            return "The storage folder could not be put back (" + BackupRunner.describe(e) + "): check " + current + " and " + kept + ".";
        }
        if (state == StorageSwap.State.SWAPPED) {
            done.add("the restored storage folder is in place (the previous one is kept at " + kept + ") and MongoDB is restored;"
                    + " recreate the backend from the stack page, or restore the safety set " + run.safetySetId + " to go back");
        } else if (run.backendStopped) {
            try {
                stack.startBackend();
                done.add("the backend was started again on its own storage folder");
            } catch (RuntimeException e) {
                done.add("the backend could not be started again (" + BackupRunner.describe(e) + "): start it from the stack page");
            }
        }
        return done.isEmpty() ? "Nothing had changed." : capitalised(String.join("; ", done)) + ".";
    }

    /** MongoDB was being loaded under temporary names when the portal stopped: the originals are untouched. */
    private String dropTemporaryCollections() {
        try (var mongo = stack.openMongo()) {
            int dropped = MongoRestorer.dropLeftovers(mongo);
            return "MongoDB is as it was (" + dropped + " temporary collection" + (dropped == 1 ? "" : "s") + " of the restore dropped)";
        } catch (RuntimeException e) {
            return "the restore's temporary collections (" + MongoRestorer.TEMPORARY_PREFIX + "*) could not be dropped ("
                    + BackupRunner.describe(e) + "); they are never dumped and can be dropped by hand";
        }
    }

    /** A folder the journal names, accepted only as the storage folder's own staging or kept sibling. */
    private static Path ownSibling(Path current, String recorded, String mark) {
        if (current == null || recorded == null) {
            return null;
        }
        Path path = Path.of(recorded);
        boolean sibling = current.getParent() != null && current.getParent().equals(path.getParent())
                && path.getFileName().toString().startsWith(current.getFileName() + mark);
        return sibling ? path : null;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
