package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.MongoFacts;
import io.stackkeeper.stack.StackClaim;
import io.stackkeeper.stack.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one backup: records the run, writes the set through {@link BackupSetWriter}, records the outcome, and applies
 * the plan's retention after a success. Failures are recorded on the run and published, never thrown past it.
 */
@Component
record BackupRunner(BackupRunRepository runs, StackService stack, ProgressBoard board, BackupProperties properties,
        ApplicationEventPublisher events, Clock clock, TransactionTemplate transaction, RetentionKeeper retention,
        PortalInstances instances, BackupPlanRepository plansForUpdate) {

    private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);
    private static final DateTimeFormatter SET_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Records a new RUNNING run of the plan; refused while the plan runs on a live portal. A run left by a portal
     * that stopped checking in (killed while another shares the database) is marked interrupted and its partial set
     * removed first.
     */
    synchronized BackupRun begin(BackupPlanSettings plan, BackupReason trigger, String actor) {
        return transaction.execute(status -> {
            // portals sharing the database begin runs of one plan one at a time
            plansForUpdate.lockByName(plan.name());
            for (BackupRun running : runs.findByPlanNameAndStatus(plan.name(), RunStatus.RUNNING)) {
                if (running.portalInstance == null || instances.running(running.portalInstance)) {
                    throw new IllegalStateException("A backup of plan '" + plan.name() + "' is already running.");
                }
                interrupt(running, BackupJob.PORTAL_STOPPED + " running it (" + running.portalInstance + ") stopped; another took over the plan.");
                removePartials(List.of(plan.targetPath()), id -> id.equals(running.id));
            }
            BackupRun run = new BackupRun();
            run.startedAt = clock.instant();
            String id = plan.name() + "-" + SET_TIME.format(run.startedAt);
            for (int n = 2; runs.existsById(id); n++) {
                id = plan.name() + "-" + SET_TIME.format(run.startedAt) + "-" + n;
            }
            run.id = id;
            run.planName = plan.name();
            run.trigger = trigger;
            run.actor = actor;
            run.status = RunStatus.RUNNING;
            run.portalInstance = instances.mine();
            return runs.save(run);
        });
    }

    /** Links a set to an upgrade or a restore, which protects it from retention for a while. */
    void link(String runId, String to) {
        transaction.executeWithoutResult(status -> runs.findById(runId).ifPresent(run -> {
            run.linkedTo = to;
            run.linkedAt = clock.instant();
            runs.save(run);
        }));
    }

    /**
     * Writes the set of a begun run and records how it ended.
     *
     * @param claimStack whether to claim the stack for the backup; {@code false} when the caller (a restore, an
     *     upgrade) already holds it
     */
    BackupRunRecord execute(BackupRun run, BackupPlanSettings plan, boolean claimStack) {
        long lastSize = runs.findFirstByPlanNameAndStatusAndSizeBytesNotNullOrderBySizeBytesDesc(plan.name(), RunStatus.SUCCEEDED)
                .map(largest -> largest.sizeBytes).orElse(0L);
        ProgressBoard.Reporter progress = null;
        try (StackClaim ignored = claimStack ? stack.claim("the backup " + run.id, false) : () -> { }) {
            Optional<Path> storage = plan.contents().storage() ? stack.storageFolder() : Optional.empty();
            if (plan.contents().storage() && storage.isEmpty()) {
                throw new IllegalStateException("The storage folder is unknown: set it in the stack settings, or mount it at "
                        + StackService.STORAGE_MOUNT + " in the backend.");
            }
            progress = board.start(run.id, plan.name(), "backup", expectedBytes(plan, storage));
            ProgressBoard.Reporter reporter = progress;
            Manifest manifest;
            try (MongoClient mongo = plan.contents().mongo() ? stack.openMongo() : null) {
                BackupSetWriter.Request request = new BackupSetWriter.Request(run.id, plan.name(), run.trigger.label(), run.actor, mongo,
                        plan.includeSystemDatabases(), storage.orElse(null), properties.parallelism(), plan.compressionLevel(),
                        portalVersion(), stackState());
                manifest = new BackupSetWriter(clock, properties::reserveOn).write(plan.targetPath(), request, lastSize, reporter::advanced);
            }
            Path location = plan.targetPath().resolve(run.id);
            transaction.executeWithoutResult(status -> {
                BackupRun done = runs.findById(run.id).orElseThrow();
                done.status = RunStatus.SUCCEEDED;
                done.finishedAt = clock.instant();
                done.recordSet(manifest, location.toString());
                runs.save(done);
                events.publishEvent(new BackupEvents.BackupSucceeded(run.id, plan.name(), run.trigger.label(), run.actor, done.sizeBytes,
                        done.documents, Duration.between(done.startedAt, done.finishedAt).toMillis()));
            });
            progress.finished(null);
            applyRetention(plan, run);
        } catch (RuntimeException e) {
            String error = describe(e);
            log.warn("Backup {} failed: {}", run.id, error);
            fail(run, plan, error);
            if (progress != null) {
                progress.finished(error);
            }
            return runs.findById(run.id).orElseThrow().record();
        }
        return runs.findById(run.id).orElseThrow().record();
    }

    /** Still under the backup's claim on the stack: no restore, drill or upgrade can start while sets are removed. */
    private void applyRetention(BackupPlanSettings plan, BackupRun run) {
        try {
            retention.apply(plan);
        } catch (RuntimeException e) {
            log.warn("Retention of plan {} failed after backup {}: {}", plan.name(), run.id, describe(e));
        }
    }

    private void fail(BackupRun run, BackupPlanSettings plan, String error) {
        transaction.executeWithoutResult(status -> {
            BackupRun failed = runs.findById(run.id).orElseThrow();
            failed.status = RunStatus.FAILED;
            failed.finishedAt = clock.instant();
            failed.error = BackupRun.truncate(error, 4000);
            runs.save(failed);
            events.publishEvent(new BackupEvents.BackupFailed(run.id, plan.name(), run.trigger.label(), run.actor, failed.error));
        });
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        if (error instanceof com.mongodb.MongoException && !message.startsWith("MongoDB")) {
            return "MongoDB failed: " + message;
        }
        return message;
    }

    /** Raw bytes the run is expected to read: the last dump's BSON bytes plus the storage folder's current size. */
    private long expectedBytes(BackupPlanSettings plan, Optional<Path> storage) {
        long mongo = runs.findFirstByPlanNameAndStatusOrderByStartedAtDesc(plan.name(), RunStatus.SUCCEEDED)
                .flatMap(last -> Optional.ofNullable(last.manifest)).map(Manifest::fromJson)
                .map(m -> m.collections().stream().mapToLong(DumpedCollection::bsonBytes).sum()).orElse(0L);
        return mongo + storage.map(BackupRunner::folderSize).orElse(0L);
    }

    private static long folderSize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private Manifest.StackState stackState() {
        var backend = stack.backend();
        var frontend = stack.frontend();
        var mongo = stack.mongo();
        ContainerFacts b = backend.join().facts();
        ContainerFacts f = frontend.join().facts();
        MongoFacts m = mongo.join().facts();
        return new Manifest.StackState(b == null ? null : b.image(), b == null ? null : b.version(), b == null ? null : b.imageId(),
                f == null ? null : f.image(), f == null ? null : f.version(), f == null ? null : f.imageId(),
                m == null ? null : m.version(), m == null ? null : m.featureCompatibilityVersion());
    }

    static String portalVersion() {
        String version = BackupRunner.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Runs left RUNNING by a portal that stopped mid-run are marked FAILED; their partial folders are removed. */
    /**
     * Marks the runs the last stop interrupted FAILED and removes partial sets; runs of another portal on the same
     * database that still checks in, and their partial sets, are left to it.
     */
    List<String> recoverInterrupted(List<Path> targets) {
        List<String> failed = new ArrayList<>();
        for (BackupRun run : runs.findByStatus(RunStatus.RUNNING)) {
            if (instances.another(run.portalInstance)) {
                continue;
            }
            interrupt(run, BackupJob.PORTAL_STOPPED + " stopped during this run. Its partial files were removed at the next start.");
            failed.add(run.id);
        }
        // a partial set of a run that is over; one without a run may be another portal's that has just begun
        removePartials(targets, id -> failed.contains(id) || runs.findById(id).map(run -> run.status != RunStatus.RUNNING).orElse(false));
        return failed;
    }

    private void interrupt(BackupRun run, String why) {
        transaction.executeWithoutResult(status -> {
            BackupRun interrupted = runs.findById(run.id).orElseThrow();
            if (interrupted.status != RunStatus.RUNNING) {
                return; // it ended meanwhile
            }
            interrupted.status = RunStatus.FAILED;
            interrupted.finishedAt = clock.instant();
            interrupted.error = why;
            runs.save(interrupted);
            events.publishEvent(new BackupEvents.BackupFailed(run.id, run.planName, run.trigger.label(), run.actor, why));
        });
    }

    private static void removePartials(List<Path> targets, Predicate<String> ofRun) {
        for (Path target : targets) {
            try {
                BackupSetWriter.removePartials(target, ofRun).forEach(partial -> log.info("Removed the partial set {} in {}", partial, target));
            } catch (RuntimeException e) {
                log.warn("Could not remove partial sets in {}: {}", target, e.getMessage());
            }
        }
    }

    void recordVerify(String id, List<String> problems) {
        transaction.executeWithoutResult(status -> runs.findById(id).ifPresent(run -> {
            run.verifiedAt = clock.instant();
            run.verifyProblems = problems.isEmpty() ? null : BackupRun.truncate(String.join("\n", problems), 4000);
            runs.save(run);
        }));
    }

    void recordDrill(String id, RestoreDrill.Result result) {
        transaction.executeWithoutResult(status -> runs.findById(id).ifPresent(run -> {
            run.drilledAt = clock.instant();
            run.drillOk = result.ok();
            run.drillMillis = result.millis();
            run.drillReport = BackupRun.truncate(result.report(), 8000);
            runs.save(run);
        }));
    }
}
