package io.stackkeeper.upgrade;

import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.StackClaim;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs an approved upgrade: re-check and pull, a pre-upgrade backup, then per plan step the FCV, the backend and the
 * frontend, each health-checked. When a step that changes the stack fails, both containers go back to the exact
 * images they ran before (by image ID) and are checked again. Every step is recorded as it goes and told to the
 * pages.
 */
@Component
record UpgradeRollout(StackService stack, BackupService backups, UpgradeProperties properties,
        ApplicationEventPublisher events, RolloutJournal journal) {

    private static final Logger log = LoggerFactory.getLogger(UpgradeRollout.class);
    static final String PREPARE = "Re-check preconditions and pull the images";
    static final String BACKUP = "Pre-upgrade backup (MongoDB and storage)";
    static final String RECORD = "Record the new versions";
    static final String ROLLBACK = "Roll back to the previous images";

    /** Every change of a running upgrade, told to the pages as it is recorded. */
    Broadcast<UpgradeRequestRecord> board() {
        return journal.board();
    }

    /** Tells the pages here and on the other portals that a request changed. */
    void tell(UpgradeRequestRecord changed) {
        journal.tell(changed);
    }

    /** The titles of the steps a run of this plan goes through, in order. */
    static List<String> titles(UpgradePlan plan) {
        List<String> titles = new ArrayList<>(List.of(PREPARE, BACKUP));
        for (PlannedStep step : plan.steps()) {
            if (step.featureCompatibilityVersion() != null) {
                titles.add(fcvTitle(step));
            }
            titles.add(backendTitle(step));
            titles.add(frontendTitle(step));
        }
        titles.add(RECORD);
        return titles;
    }

    private static String fcvTitle(PlannedStep step) {
        return "Set MongoDB's featureCompatibilityVersion to " + step.featureCompatibilityVersion();
    }

    private static String backendTitle(PlannedStep step) {
        return "Backend to " + step.backend() + " (migrations run at boot), check / and /status";
    }

    private static String frontendTitle(PlannedStep step) {
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
            UpgradeRequestRecord request = journal.record(id);
            actor = request.startedBy();
            events.publishEvent(new UpgradeEvents.UpgradeStarted(id, request.from(), request.to(), actor));
            new Run(id, claim, request).go(replan, fingerprint);
        } catch (Throwable unexpected) {
            log.error("Upgrade {} stopped unexpectedly", id, unexpected);
            journal.abandon(id, unexpected, actor);
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
        private final RolloutJournal.Steps steps;
        private StackPart failing;
        private String featureCompatibilitySet;
        private String backupId;

        Run(long id, StackClaim claim, UpgradeRequestRecord request) {
            this.id = id;
            this.claim = claim;
            this.request = request;
            this.steps = journal.steps(id, request.startedBy());
        }

        void go(Supplier<UpgradePlan> replan, Function<UpgradePlan, String> fingerprint) {
            UpgradePlan plan;
            try {
                plan = steps.run(PREPARE, () -> prepare(id, replan, fingerprint), p -> "The plan still holds and every check passes;"
                        + " images present: " + String.join(", ", p.steps().stream().map(s -> s.backend() + " / " + s.frontend()).toList()) + ".");
                backupId = steps.run(BACKUP, () -> backUp(id, request.startedBy()), set -> "Set " + set.id() + " written to "
                        + set.location() + ".").id();
            } catch (RolloutJournal.StepFailed e) {
                steps.skipRemaining();
                journal.finish(id, RequestStatus.FAILED, e.title, e.getMessage() + " Nothing was changed on the stack.", List.of(), request.startedBy());
                return;
            }
            try {
                for (PlannedStep step : plan.steps()) {
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
            } catch (RolloutJournal.StepFailed e) {
                List<String> lines = failing == null ? List.of() : lastLines(failing);
                steps.skipRemaining();
                rollBack(e, lines);
                return;
            }
            journal.finish(id, RequestStatus.SUCCEEDED, null, "Upgraded from " + request.from() + " to " + request.to() + "; the pre-upgrade backup is "
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
        private void rollBack(RolloutJournal.StepFailed failure, List<String> lines) {
            RolloutJournal.StoredImages before = journal.images(id);
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
                journal.finish(id, RequestStatus.FAILED_ROLLED_BACK, failure.title, failed + " Both containers are back on their previous images ("
                        + request.from() + ") and healthy." + fcvNote + dataWarning, lines, request.startedBy());
            } catch (RolloutJournal.StepFailed rollbackFailure) {
                journal.finish(id, RequestStatus.FAILED, failure.title, failed + " The rollback failed too: " + rollbackFailure.getMessage()
                        + " Check the Stack page; the previous images are " + before.backend() + " and " + before.frontend() + "." + fcvNote
                        + dataWarning, lines, request.startedBy());
            }
        }
    }

    private UpgradePlan prepare(long id, Supplier<UpgradePlan> replan, Function<UpgradePlan, String> fingerprint) {
        UpgradePlan plan = replan.get();
        if (plan.blocked()) {
            throw new IllegalStateException("A check fails now: " + plan.steps().stream().flatMap(s -> s.checks().stream())
                    .filter(c -> c.status() == CheckStatus.FAIL).map(Check::reason).reduce((a, b) -> a + " " + b).orElse(""));
        }
        String approved = journal.approvedFingerprint(id);
        if (!fingerprint.apply(plan).equals(approved)) {
            throw new IllegalStateException("The plan changed since the approval (catalog, running versions or checks).");
        }
        for (PlannedStep step : plan.steps()) {
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
        journal.update(id, request -> request.backupId = set.id());
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

    static String shortId(String imageId) {
        if (imageId == null) {
            return "unknown image";
        }
        String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
