package io.stackkeeper.upgrade;

import io.stackkeeper.base.Transactions;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.base.Broadcast;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.StackClaim;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an approved upgrade: re-check and pull, a pre-upgrade backup, then per plan step the FCV, the backend and the
 * frontend, each health-checked. When a step that changes the stack fails, both containers go back to the exact
 * images they ran before (by image ID) and are checked again. Every step is recorded as it goes and told to the
 * pages.
 */
@Component
class UpgradeRollout {

    private static final Logger log = LoggerFactory.getLogger(UpgradeRollout.class);
    static final String PREPARE = "Re-check preconditions and pull the images";
    static final String BACKUP = "Pre-upgrade backup (MongoDB and storage)";
    static final String RECORD = "Record the new versions";
    static final String ROLLBACK = "Roll back to the previous images";

    private final UpgradeRequestRepository requests;
    private final StackService stack;
    private final BackupService backups;
    private final UpgradeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Broadcast<UpgradeRequestRecord> board = new Broadcast<>("upgrade-news");

    UpgradeRollout(UpgradeRequestRepository requests, StackService stack, BackupService backups, UpgradeProperties properties,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.stack = stack;
        this.backups = backups;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = Transactions.requiresNew(transactions);
    }

    Broadcast<UpgradeRequestRecord> board() {
        return board;
    }

    @jakarta.annotation.PreDestroy
    void stopTelling() {
        board.close();
    }

    /** The titles of the steps a run of this plan goes through, in order. */
    static List<String> titles(UpgradePlan plan) {
        List<String> titles = new ArrayList<>(List.of(PREPARE, BACKUP));
        for (UpgradeStep step : plan.steps()) {
            if (step.featureCompatibilityVersion() != null) {
                titles.add(fcvTitle(step));
            }
            titles.add(backendTitle(step));
            titles.add(frontendTitle(step));
        }
        titles.add(RECORD);
        return titles;
    }

    private static String fcvTitle(UpgradeStep step) {
        return "Set MongoDB's featureCompatibilityVersion to " + step.featureCompatibilityVersion();
    }

    private static String backendTitle(UpgradeStep step) {
        return "Backend to " + step.backend() + " (migrations run at boot), check / and /status";
    }

    private static String frontendTitle(UpgradeStep step) {
        return "Frontend to " + step.frontend() + ", check / and /tucana-version.txt";
    }

    /**
     * Runs a request that was marked RUNNING with its steps pending. {@code replan} gives the plan as it is now, and
     * {@code fingerprint} the fingerprint it must still have. The caller holds the stack with {@code claim} exclusively
     * and acts with the portal's own rights. Whatever goes wrong, the request ends in a final status.
     */
    void run(long id, StackClaim claim, Supplier<UpgradePlan> replan, Function<UpgradePlan, String> fingerprint) {
        String actor = null;
        try {
            UpgradeRequestRecord request = record(id);
            actor = request.startedBy();
            events.publishEvent(new UpgradeEvents.UpgradeStarted(id, request.from(), request.to(), actor));
            new Run(id, claim, request).go(replan, fingerprint);
        } catch (Throwable unexpected) {
            log.error("Upgrade {} stopped unexpectedly", id, unexpected);
            abandon(id, unexpected, actor);
            if (unexpected instanceof Error error) {
                throw error;
            }
        }
    }

    /** The state of one run: what it changed so far, for the rollback and its report. */
    private final class Run {
        private final long id;
        private final StackClaim claim;
        private final UpgradeRequestRecord request;
        private final Steps steps;
        private StackPart failing;
        private String featureCompatibilitySet;
        private String backupId;

        Run(long id, StackClaim claim, UpgradeRequestRecord request) {
            this.id = id;
            this.claim = claim;
            this.request = request;
            this.steps = new Steps(id, request.startedBy());
        }

        void go(Supplier<UpgradePlan> replan, Function<UpgradePlan, String> fingerprint) {
            UpgradePlan plan;
            try {
                plan = steps.run(PREPARE, () -> prepare(id, replan, fingerprint), p -> "The plan still holds and every check passes;"
                        + " images present: " + String.join(", ", p.steps().stream().map(s -> s.backend() + " / " + s.frontend()).toList()) + ".");
                backupId = steps.run(BACKUP, () -> backUp(id, request.startedBy()), set -> "Set " + set.id() + " written to "
                        + set.location() + ".").id();
            } catch (StepFailed e) {
                steps.skipRemaining();
                finish(id, RequestStatus.FAILED, e.title, e.getMessage() + " Nothing was changed on the stack.", List.of(), request.startedBy());
                return;
            }
            try {
                for (UpgradeStep step : plan.steps()) {
                    if (step.featureCompatibilityVersion() != null) {
                        String fcv = step.featureCompatibilityVersion().toString();
                        steps.run(fcvTitle(step), () -> {
                            stack.setFeatureCompatibilityVersion(claim, fcv);
                            featureCompatibilitySet = fcv;
                            return fcv;
                        }, set -> "db.adminCommand({setFeatureCompatibilityVersion: '" + set + "'}) done.");
                    }
                    steps.run(backendTitle(step), () -> recreate(StackPart.BACKEND, step.backend().toString()), UpgradeRollout::recreated);
                    steps.run(frontendTitle(step), () -> recreate(StackPart.FRONTEND, step.frontend().toString()), UpgradeRollout::recreated);
                }
                failing = null;
                steps.run(RECORD, () -> confirmVersions(request), versions -> "The stack runs " + versions + ".");
            } catch (StepFailed e) {
                List<String> lines = failing == null ? List.of() : lastLines(failing);
                steps.skipRemaining();
                rollBack(e, lines);
                return;
            }
            finish(id, RequestStatus.SUCCEEDED, null, "Upgraded from " + request.from() + " to " + request.to() + "; the pre-upgrade backup is "
                    + backupId + ".", List.of(), request.startedBy());
        }

        /** Recreates the part from the version's image; once the new container exists, its log is the one a failure keeps. */
        private ContainerFacts recreate(StackPart part, String version) {
            failing = null;
            String image = stack.pullRelease(part, version, properties.pullTimeout());
            ContainerFacts facts = stack.replaceImage(claim, part, image, null, properties.stopGrace());
            failing = part;
            awaitHealthy(part);
            return facts;
        }

        /** Both containers back on the images they ran before, each on its own so one failure does not stop the other. */
        private void rollBack(StepFailed failure, List<String> lines) {
            StoredImages before = images(id);
            String fcvNote = featureCompatibilitySet == null ? ""
                    : " MongoDB's featureCompatibilityVersion stays at " + featureCompatibilitySet + " (the previous version runs with it).";
            String dataWarning = " Migrations of the new version may already have changed data: if the stack misbehaves, restore the"
                    + " pre-upgrade backup " + backupId + ".";
            String failed = "'" + failure.title + "' failed: " + failure.getMessage();
            steps.append(ROLLBACK);
            try {
                steps.run(ROLLBACK, () -> {
                    List<String> done = new ArrayList<>();
                    List<String> problems = new ArrayList<>();
                    for (StackPart part : List.of(StackPart.BACKEND, StackPart.FRONTEND)) {
                        String image = part == StackPart.BACKEND ? before.backend() : before.frontend();
                        String imageId = part == StackPart.BACKEND ? before.backendId() : before.frontendId();
                        try {
                            if (!java.util.Objects.equals(imageId, stack.container(part).imageId())) {
                                stack.replaceImage(claim, part, image, imageId, properties.stopGrace());
                            }
                            awaitHealthy(part);
                            done.add(part.label() + " " + image + " (" + shortId(imageId) + ")");
                        } catch (RuntimeException e) {
                            problems.add("the " + part.label() + " (" + image + "): " + e.getMessage());
                        }
                    }
                    if (!problems.isEmpty()) {
                        throw new IllegalStateException("Could not put back " + String.join("; ", problems)
                                + (done.isEmpty() ? "" : ". Back and healthy: " + String.join(", ", done)) + ".");
                    }
                    return String.join(", ", done);
                }, done -> "Back on " + done + "; both answer 200.");
                finish(id, RequestStatus.FAILED_ROLLED_BACK, failure.title, failed + " Both containers are back on their previous images ("
                        + request.from() + ") and healthy." + fcvNote + dataWarning, lines, request.startedBy());
            } catch (StepFailed rollbackFailure) {
                finish(id, RequestStatus.FAILED, failure.title, failed + " The rollback failed too: " + rollbackFailure.getMessage()
                        + " Check the Stack page; the previous images are " + before.backend() + " and " + before.frontend() + "." + fcvNote
                        + dataWarning, lines, request.startedBy());
            }
        }
    }

    /** Records an upgrade that stopped on an unexpected error as FAILED, so it never stays RUNNING. */
    private void abandon(long id, Throwable error, String actor) {
        try {
            update(id, request -> request.steps.replaceAll(step -> switch (step.state()) {
                case RUNNING -> step.ended(RunStep.State.FAILED, clock.instant(), "Stopped on an unexpected error.");
                case PENDING -> step.skipped("Not run: the upgrade stopped on an unexpected error.");
                default -> step;
            }));
            finish(id, RequestStatus.FAILED, null, "The upgrade stopped on an unexpected error (" + error
                    + "). Check the running versions on the Stack page and the portal's log.", List.of(), actor);
        } catch (RuntimeException e) {
            log.error("Upgrade {} could not be marked failed; it is marked at the next start", id, e);
        }
    }

    private UpgradePlan prepare(long id, Supplier<UpgradePlan> replan, Function<UpgradePlan, String> fingerprint) {
        UpgradePlan plan = replan.get();
        if (plan.blocked()) {
            throw new IllegalStateException("A check fails now: " + plan.steps().stream().flatMap(s -> s.checks().stream())
                    .filter(c -> c.status() == CheckStatus.FAIL).map(Check::reason).reduce((a, b) -> a + " " + b).orElse(""));
        }
        String approved = ownTransaction.execute(tx -> requests.findById(id).orElseThrow().planFingerprint);
        if (!fingerprint.apply(plan).equals(approved)) {
            throw new IllegalStateException("The plan changed since the approval (catalog, running versions or checks).");
        }
        for (UpgradeStep step : plan.steps()) {
            stack.pullRelease(StackPart.BACKEND, step.backend().toString(), properties.pullTimeout());
            stack.pullRelease(StackPart.FRONTEND, step.frontend().toString(), properties.pullTimeout());
        }
        return plan;
    }

    private BackupRunRecord backUp(long id, String actor) {
        BackupRunRecord set = backups.backUpBeforeUpgrade("upgrade " + id, actor);
        if (set.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("The pre-upgrade backup failed: " + set.error());
        }
        update(id, request -> request.backupId = set.id());
        return set;
    }

    private static String recreated(ContainerFacts facts) {
        return "Recreated " + facts.name() + " from " + facts.image() + " (" + shortId(facts.imageId()) + "); it answers 200.";
    }

    private void awaitHealthy(StackPart part) {
        if (part == StackPart.BACKEND) {
            stack.awaitBackendHealthy(properties.healthTimeout());
        } else {
            stack.awaitFrontendHealthy(properties.healthTimeout());
        }
    }

    private String confirmVersions(UpgradeRequestRecord request) {
        String backend = stack.container(StackPart.BACKEND).version();
        String frontend = stack.container(StackPart.FRONTEND).version();
        if (!request.toBackend().equals(backend) || !request.toFrontend().equals(frontend)) {
            throw new IllegalStateException("The stack runs " + backend + " / " + frontend + ", not " + request.to() + ".");
        }
        return backend + " / " + frontend;
    }

    private List<String> lastLines(StackPart part) {
        try {
            return stack.logTail(part, properties.failureLogLines());
        } catch (RuntimeException e) {
            return List.of("(the " + part.label() + "'s log could not be read: " + e.getMessage() + ")");
        }
    }

    private record StoredImages(String backend, String backendId, String frontend, String frontendId) {
    }

    private StoredImages images(long id) {
        UpgradeRequest request = requests.findById(id).orElseThrow();
        return new StoredImages(request.fromBackendImage, request.fromBackendImageId, request.fromFrontendImage, request.fromFrontendImageId);
    }

    private void finish(long id, RequestStatus status, String failedStep, String outcome, List<String> lines, String actor) {
        update(id, request -> {
            request.status = status;
            request.finishedAt = clock.instant();
            request.failedStep = failedStep;
            request.outcome = outcome;
            request.failureLog = lines.isEmpty() ? null : String.join("\n", lines);
        });
        UpgradeRequestRecord done = record(id);
        log.info("Upgrade {} ended {}: {}", id, status, outcome);
        events.publishEvent(new UpgradeEvents.UpgradeFinished(id, status, outcome, done.backupId(), actor));
    }

    private UpgradeRequestRecord record(long id) {
        return ownTransaction.execute(tx -> requests.findById(id).orElseThrow().record());
    }

    private void update(long id, java.util.function.Consumer<UpgradeRequest> change) {
        UpgradeRequestRecord changed = ownTransaction.execute(tx -> {
            UpgradeRequest request = requests.findById(id).orElseThrow();
            change.accept(request);
            return requests.save(request).record();
        });
        board.tell(changed);
    }

    static String shortId(String imageId) {
        if (imageId == null) {
            return "unknown image";
        }
        String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static final class StepFailed extends Exception {
        final String title;

        StepFailed(String title, String message) {
            super(message);
            this.title = title;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    /** Moves each step through RUNNING to DONE or FAILED, recorded and told as it goes. */
    private final class Steps {
        private final long id;
        private final String actor;

        Steps(long id, String actor) {
            this.id = id;
            this.actor = actor;
        }

        <T> T run(String title, Work<T> work, Function<T, String> done) throws StepFailed {
            set(title, step -> step.running(clock.instant(), "Running…"));
            try {
                T result = work.run();
                String message = done.apply(result);
                set(title, step -> step.ended(RunStep.State.DONE, clock.instant(), message));
                events.publishEvent(new UpgradeEvents.UpgradeStepFinished(id, title, true, message, actor));
                return result;
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                set(title, step -> step.ended(RunStep.State.FAILED, clock.instant(), message));
                events.publishEvent(new UpgradeEvents.UpgradeStepFinished(id, title, false, message, actor));
                throw new StepFailed(title, message.endsWith(".") ? message : message + ".");
            }
        }

        void skipRemaining() {
            update(id, request -> request.steps.replaceAll(step -> step.state() == RunStep.State.PENDING
                    ? step.skipped("Not run: an earlier step failed.") : step));
        }

        void append(String title) {
            update(id, request -> request.steps.add(RunStep.pending(title)));
        }

        private void set(String title, java.util.function.UnaryOperator<RunStep> change) {
            update(id, request -> {
                for (int i = 0; i < request.steps.size(); i++) {
                    RunStep step = request.steps.get(i);
                    if (step.title().equals(title) && step.state() != RunStep.State.DONE && step.state() != RunStep.State.FAILED) {
                        request.steps.set(i, change.apply(step));
                        return;
                    }
                }
            });
        }
    }
}
