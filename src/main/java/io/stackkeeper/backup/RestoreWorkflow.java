package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import io.stackkeeper.stack.StackService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores a set onto the stack in six steps, each reported live and audited. A failure stops at its step and says
 * what state everything is in and how to go back: the safety set, and the previous storage folder kept beside the
 * restored one (never overwritten in place).
 */
@Component
class RestoreWorkflow {

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupRunner runner;
    private final BackupRunRepository runs;
    private final StackService stack;
    private final ProgressBoard board;
    private final BackupProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RestoreWorkflow(BackupRunner runner, BackupRunRepository runs, StackService stack, ProgressBoard board, BackupProperties properties,
            ApplicationEventPublisher events, Clock clock, TransactionTemplate transaction) {
        this.runner = runner;
        this.runs = runs;
        this.stack = stack;
        this.board = board;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Runs the six steps; the caller holds the stack exclusively. */
    RestoreOutcome restore(BackupRunRecord set, BackupPlanSettings safetyPlan, String actor, Consumer<RestoreStep> listener) {
        Steps steps = new Steps(set.id(), listener);
        Path folder = Path.of(set.location());
        String time = FOLDER_TIME.format(clock.instant());
        runner.link(set.id(), "restore " + time);

        BackupRunRecord safety = steps.run(1, () -> {
            BackupRun run = runner.begin(safetyPlan, Trigger.PRE_RESTORE, actor);
            BackupRunRecord done = runner.execute(run, safetyPlan, false);
            if (done.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("The safety backup failed (" + done.error() + "). Nothing was changed.");
            }
            runner.link(done.id(), "restore " + time);
            return done;
        }, done -> "Safety set " + done.id() + " written to " + done.location() + ".");
        if (safety == null) {
            return steps.failed(null, null);
        }
        String goBack = " To go back, restore the safety set " + safety.id() + ".";

        if (steps.run(2, () -> {
            stack.stopBackend(properties.stopGrace());
            return true;
        }, done -> "The backend is stopped.") == null) {
            return steps.failed(safety.id(), null, "Nothing else was changed; start the backend again from the stack page or restore the safety set.");
        }

        boolean hasDump = Files.isDirectory(folder.resolve("mongo"));
        if (!hasDump) {
            steps.skip(3, "The set holds no MongoDB dump.");
        } else if (steps.run(3, () -> {
            ProgressBoard.Reporter progress = board.start(set.id(), set.plan(), "restore", 0);
            try (MongoClient mongo = stack.openMongo()) {
                var restored = new MongoRestorer(mongo, properties.restoreBatchSize()).restore(folder, UnaryOperator.identity(),
                        (current, documents, bytes) -> {
                            if (progress.advanced(current, documents, bytes)) {
                                steps.progress(3, current + ": " + documents + " documents");
                            }
                        });
                progress.finished(null);
                return restored.stream().mapToLong(MongoRestorer.Restored::documents).sum() + " documents in " + restored.size() + " collections";
            } catch (RuntimeException e) {
                progress.finished(e.getMessage());
                throw e;
            }
        }, done -> "Restored " + done + ", indexes recreated.") == null) {
            return steps.failed(safety.id(), null, "MongoDB may be partly restored and the backend is stopped." + goBack);
        }

        Path archive = folder.resolve(BackupSetWriter.STORAGE_ARCHIVE);
        String[] kept = new String[1];
        Path storage;
        if (!Files.isRegularFile(archive)) {
            steps.skip(4, "The set holds no storage archive; the storage folder is unchanged.");
            storage = null;
        } else {
            storage = steps.run(4, () -> {
                Path current = stack.storageFolder().orElseThrow(() -> new IllegalStateException("The storage folder is unknown."));
                Path restoring = current.resolveSibling(current.getFileName() + ".restoring-" + time);
                try (InputStream in = Files.newInputStream(archive)) {
                    new StorageArchiver(1).extract(in, restoring);
                }
                Path before = current.resolveSibling(current.getFileName() + ".before-restore-" + time);
                if (Files.exists(current)) {
                    Files.setPosixFilePermissions(restoring, Files.getPosixFilePermissions(current));
                    Files.move(current, before, StandardCopyOption.ATOMIC_MOVE);
                    kept[0] = before.toString();
                }
                Files.move(restoring, current, StandardCopyOption.ATOMIC_MOVE);
                return current;
            }, current -> "Restored into " + current + (kept[0] == null ? "." : "; the previous folder is kept as " + kept[0] + "."));
            if (storage == null) {
                return steps.failed(safety.id(), kept[0], "MongoDB is restored, the backend is stopped, the storage folder is unchanged." + goBack);
            }
        }
        Path mount = storage != null ? storage : stack.storageFolder().orElse(null);

        if (steps.run(5, () -> stack.recreateBackendWithStorage(mount, properties.stopGrace()), facts -> "Recreated " + facts.name()
                + " from " + facts.image() + (mount == null ? "." : " with " + mount + " at " + StackService.STORAGE_MOUNT + ".")) == null) {
            return steps.failed(safety.id(), kept[0], "Data is restored but the backend could not be recreated." + keptHint(kept[0]) + goBack);
        }

        if (steps.run(6, () -> {
            stack.awaitBackendHealthy(properties.healthTimeout());
            return true;
        }, ok -> "/ and /status answer 200.") == null) {
            return steps.failed(safety.id(), kept[0], "Data is restored and the backend runs but is not healthy." + keptHint(kept[0]) + goBack);
        }
        return new RestoreOutcome(true, 0, "The stack runs on the restored set " + set.id() + "." + keptHint(kept[0]), safety.id(), kept[0]);
    }

    private static String keptHint(String kept) {
        return kept == null ? "" : " The previous storage folder is kept at " + kept + ".";
    }

    /** Runs steps in order, tells the listener and the audit trail, and remembers the first failure. */
    private final class Steps {
        private final String runId;
        private final Consumer<RestoreStep> listener;
        private int failedStep;
        private String failure;

        Steps(String runId, Consumer<RestoreStep> listener) {
            this.runId = runId;
            this.listener = listener;
        }

        <T> T run(int number, Step<T> step, java.util.function.Function<T, String> done) {
            String title = RestoreStep.TITLES.get(number - 1);
            listener.accept(new RestoreStep(number, title, RestoreStep.State.RUNNING, "Running…"));
            try {
                T result = step.run();
                String message = done.apply(result);
                listener.accept(new RestoreStep(number, title, RestoreStep.State.DONE, message));
                events.publishEvent(new BackupEvents.RestoreStepFinished(runId, number, title, true, message));
                return result;
            } catch (Exception e) {
                failedStep = number;
                failure = BackupRunner.describe(e);
                listener.accept(new RestoreStep(number, title, RestoreStep.State.FAILED, failure));
                events.publishEvent(new BackupEvents.RestoreStepFinished(runId, number, title, false, failure));
                return null;
            }
        }

        void skip(int number, String why) {
            listener.accept(new RestoreStep(number, RestoreStep.TITLES.get(number - 1), RestoreStep.State.SKIPPED, why));
        }

        void progress(int number, String message) {
            listener.accept(new RestoreStep(number, RestoreStep.TITLES.get(number - 1), RestoreStep.State.RUNNING, message));
        }

        RestoreOutcome failed(String safetySet, String kept) {
            return new RestoreOutcome(false, failedStep, "Step " + failedStep + " failed: " + failure, safetySet, kept);
        }

        RestoreOutcome failed(String safetySet, String kept, String state) {
            return new RestoreOutcome(false, failedStep, "Step " + failedStep + " failed: " + failure + " " + state, safetySet, kept);
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }
}
