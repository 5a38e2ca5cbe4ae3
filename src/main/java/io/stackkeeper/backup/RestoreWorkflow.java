package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import io.stackkeeper.stack.StackService;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Restores a set onto the stack in seven steps, each reported live, saved in the {@link RestoreJournal} and audited.
 * Nothing is changed before the set is proven: step 1 checks every file against the manifest recorded in the
 * database when the set was written and extracts the storage archive into a staging folder; MongoDB is loaded under
 * temporary names and swapped in only when every collection has loaded; the previous storage folder is kept beside the
 * restored one. A failure before the swap puts the backend back on its own data; later ones say what state things are
 * in and how to go back (the safety set, the kept folder).
 */
@Component
record RestoreWorkflow(BackupRunner runner, StackService stack, ProgressBoard board, BackupProperties properties,
        RestoreJournal journal, ApplicationEventPublisher events, Clock clock) {

    static final String STAGING_MARK = ".restoring-";
    static final String KEPT_MARK = ".before-restore-";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * Runs the seven steps of the journal's restore {@code restoreId}; the caller holds the stack exclusively.
     *
     * @param recorded the set's manifest as the database recorded it when the set was written
     */
    RestoreOutcome restore(String restoreId, BackupRunRecord set, Manifest recorded, BackupPlanSettings safetyPlan, String actor,
            Consumer<RestoreStep> listener) {
        Steps steps = new Steps(restoreId, set.id(), listener);
        RestoreOutcome outcome = run(steps, set, recorded, safetyPlan, actor);
        journal.finish(restoreId, outcome);
        return outcome;
    }

    private RestoreOutcome run(Steps steps, BackupRunRecord set, Manifest recorded, BackupPlanSettings safetyPlan, String actor) {
        Path folder = Path.of(set.location());
        String time = FOLDER_TIME.format(clock.instant());
        runner.link(set.id(), "restore " + time);
        Path archive = folder.resolve(BackupSetWriter.STORAGE_ARCHIVE);
        boolean hasArchive = recorded.files().stream().anyMatch(file -> file.path().equals(BackupSetWriter.STORAGE_ARCHIVE));

        Path[] staged = new Path[2];
        if (steps.run(1, () -> {
            List<String> problems = SetCheck.problems(folder, recorded);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The set does not match the manifest recorded when it was written: "
                        + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                        + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : "") + ". Nothing was changed.");
            }
            if (hasArchive) {
                Path current = stack.storageFolder().orElseThrow(() -> new IllegalStateException("The storage folder is unknown."));
                Path staging = current.resolveSibling(current.getFileName() + STAGING_MARK + time);
                journal.update(steps.restoreId, run -> {
                    run.storageFolder = current.toString();
                    run.stagingFolder = staging.toString();
                });
                staged[0] = current;
                staged[1] = staging;
                try (InputStream in = Files.newInputStream(archive, LinkOption.NOFOLLOW_LINKS)) {
                    new StorageArchiver(1).extract(in, staging);
                }
            }
            return recorded.files().size();
        }, files -> files + " files match the recorded manifest" + (hasArchive ? "; the storage folder is staged in " + staged[1] + "." : ".")) == null) {
            removeStaging(staged[1]);
            return steps.failed(null, null, "Nothing was changed.");
        }

        BackupRunRecord safety = steps.run(2, () -> {
            BackupRun run = runner.begin(safetyPlan, BackupReason.PRE_RESTORE, actor);
            BackupRunRecord done = runner.execute(run, safetyPlan, false);
            if (done.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("The safety backup failed (" + done.error() + ").");
            }
            runner.link(done.id(), "restore " + time);
            journal.update(steps.restoreId, restore -> restore.safetySetId = done.id());
            return done;
        }, done -> "Safety set " + done.id() + " written to " + done.location() + ".");
        if (safety == null) {
            removeStaging(staged[1]);
            return steps.failed(null, null, "Nothing was changed.");
        }
        String goBack = " To go back, restore the safety set " + safety.id() + ".";

        if (steps.run(3, () -> {
            journal.update(steps.restoreId, run -> run.backendStopped = true);
            stack.stopBackend(properties.stopGrace());
            return true;
        }, done -> "The backend is stopped.") == null) {
            removeStaging(staged[1]);
            return steps.failed(safety.id(), null, "Nothing else was changed; " + restartBackend());
        }

        boolean hasDump = !recorded.collections().isEmpty();
        if (!hasDump) {
            steps.skip(4, "The set holds no MongoDB dump.");
        } else if (steps.run(4, () -> {
            ProgressBoard.Reporter progress = board.start(set.id(), set.plan(), "restore", 0);
            try (MongoClient mongo = stack.openMongo()) {
                var restored = new MongoRestorer(mongo, properties.restoreBatchSize()).restore(folder, recorded.collections(), UnaryOperator.identity(),
                        (current, documents, bytes) -> {
                            if (progress.advanced(current, documents, bytes)) {
                                steps.progress(4, current + ": " + documents + " documents");
                            }
                        });
                progress.finished(null);
                return restored.stream().mapToLong(MongoRestorer.Restored::documents).sum() + " documents in " + restored.size() + (restored.size() == 1 ? " collection" : " collections");
            } catch (RuntimeException e) {
                progress.finished(e.getMessage());
                throw e;
            }
        }, done -> "Restored " + done + ", indexes recreated.") == null) {
            removeStaging(staged[1]);
            return steps.failed(safety.id(), null, "The storage folder is unchanged; " + restartBackend() + goBack);
        }

        String[] kept = new String[1];
        if (staged[1] == null) {
            steps.skip(5, "The set holds no storage archive; the storage folder is unchanged.");
        } else if (steps.run(5, () -> {
            Path current = staged[0];
            Path before = current.resolveSibling(current.getFileName() + KEPT_MARK + time);
            journal.update(steps.restoreId, run -> run.keptFolder = before.toString());
            StorageSwap.swapIn(staged[1], current, before);
            kept[0] = Files.exists(before, LinkOption.NOFOLLOW_LINKS) ? before.toString() : null;
            journal.update(steps.restoreId, run -> {
                run.storageSwapped = true;
                run.keptFolder = kept[0];
            });
            return current;
        }, current -> "Restored into " + current + (kept[0] == null ? "." : "; the previous folder is kept as " + kept[0] + ".")) == null) {
            return steps.failed(safety.id(), null, "MongoDB is restored, the backend is stopped, the storage folder is unchanged." + goBack);
        }
        Path mount = staged[0] != null ? staged[0] : stack.storageFolder().orElse(null);

        if (steps.run(6, () -> stack.recreateBackendWithStorage(mount, properties.stopGrace()), facts -> "Recreated " + facts.name()
                + " from " + facts.image() + (mount == null ? "." : " with " + mount + " at " + StackService.STORAGE_MOUNT + ".")) == null) {
            return steps.failed(safety.id(), kept[0], "Data is restored but the backend could not be recreated." + keptHint(kept[0]) + goBack);
        }

        if (steps.run(7, () -> {
            stack.awaitBackendHealthy(properties.healthTimeout());
            return true;
        }, ok -> "/ and /status answer 200.") == null) {
            return steps.failed(safety.id(), kept[0], "Data is restored and the backend runs but is not healthy." + keptHint(kept[0]) + goBack);
        }
        return new RestoreOutcome(true, 0, "The stack runs on the restored set " + set.id() + "." + keptHint(kept[0]), safety.id(), kept[0]);
    }

    /** Starts the stopped backend again on its own data; says what happened. */
    private String restartBackend() {
        try {
            stack.startBackend();
            return "the backend runs again on its own data.";
        } catch (RuntimeException e) {
            return "the backend is stopped and could not be started again (" + BackupRunner.describe(e) + "): start it from the stack page.";
        }
    }

    private static void removeStaging(Path staging) {
        if (staging != null) {
            BackupSetWriter.delete(staging);
        }
    }

    private static String keptHint(String kept) {
        return kept == null ? "" : " The previous storage folder is kept at " + kept + ".";
    }

    /** Runs steps in order, tells the listener, the journal and the audit trail, and remembers the first failure. */
    private final class Steps {
        private final String restoreId;
        private final String setId;
        private final Consumer<RestoreStep> listener;
        private int failedStep;
        private String failure;

        Steps(String restoreId, String setId, Consumer<RestoreStep> listener) {
            this.restoreId = restoreId;
            this.setId = setId;
            this.listener = listener;
        }

        <T> T run(int number, Step<T> step, java.util.function.Function<T, String> done) {
            String title = RestoreStep.TITLES.get(number - 1);
            tell(new RestoreStep(number, title, RestoreStep.State.RUNNING, "Running…"));
            try {
                T result = step.run();
                String message = done.apply(result);
                tell(new RestoreStep(number, title, RestoreStep.State.DONE, message));
                events.publishEvent(new BackupEvents.RestoreStepFinished(setId, number, title, true, message));
                return result;
            } catch (Exception e) {
                failedStep = number;
                failure = BackupRunner.describe(e);
                tell(new RestoreStep(number, title, RestoreStep.State.FAILED, failure));
                events.publishEvent(new BackupEvents.RestoreStepFinished(setId, number, title, false, failure));
                return null;
            }
        }

        void skip(int number, String why) {
            tell(new RestoreStep(number, RestoreStep.TITLES.get(number - 1), RestoreStep.State.SKIPPED, why));
        }

        void progress(int number, String message) {
            listener.accept(new RestoreStep(number, RestoreStep.TITLES.get(number - 1), RestoreStep.State.RUNNING, message));
        }

        private void tell(RestoreStep step) {
            journal.step(restoreId, step);
            listener.accept(step);
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
