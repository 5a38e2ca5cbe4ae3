package io.stackkeeper.upgrade;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.BackupSpace;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.ImageReference;
import io.stackkeeper.stack.MongoFacts;
import io.stackkeeper.stack.ReleaseTags;
import io.stackkeeper.stack.StackFacts;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.Version;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.TextLimits;
import io.stackkeeper.base.CsvRow;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.StackClaim;
import io.stackkeeper.stack.StackPart;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The upgrade feature's one public service: the release catalog and upgrade plans for the configured stack. */
@Service
public class UpgradeService implements org.springframework.beans.factory.SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(UpgradeService.class);

    private final StackService stack;
    private final BackupService backups;
    private final UpgradeRequestRepository requests;
    private final UpgradeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UpgradeRollout rollout;
    private final RequestDecisions decisions;
    private final StoredCatalogRepository catalogs;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService work;
    private volatile ReleaseCatalog catalog = CatalogParser.shipped();
    private final Instant bootedAt;

    UpgradeService(StackService stack, BackupService backups, UpgradeRequestRepository requests, UpgradeProperties properties,
            ApplicationEventPublisher events, Clock clock, UpgradeRollout rollout, RequestDecisions decisions,
            StoredCatalogRepository catalogs, PlatformTransactionManager transactions) {
        this.stack = stack;
        this.backups = backups;
        this.requests = requests;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.rollout = rollout;
        this.decisions = decisions;
        this.catalogs = catalogs;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.bootedAt = clock.instant();
        this.work = Executors.newSingleThreadExecutor(DaemonThreads.named("upgrade-run"));
    }

    /**
     * Uses the newest uploaded catalog, and marks upgrades that were running when the portal stopped (started before
     * this portal did) as failed.
     */
    @Override
    public void afterSingletonsInstantiated() {
        atStart();
    }

    /** Before the web server takes requests: nobody sees an interrupted upgrade as RUNNING. */
    void atStart() {
        ownTransaction.executeWithoutResult(tx -> catalogs.findFirstByOrderByIdDesc().ifPresent(stored -> {
            try {
                catalog = CatalogParser.parse(stored.content);
            } catch (CatalogRefusedException e) {
                log.error("The uploaded release catalog {} cannot be read ({}); using the shipped one.", stored.id, e.getMessage());
            }
        }));
        List<UpgradeEvents.UpgradeFinished> interrupted = new ArrayList<>();
        ownTransaction.executeWithoutResult(tx -> requests.findByStatus(RequestStatus.RUNNING).stream()
                .filter(request -> request.startedAt == null || request.startedAt.isBefore(bootedAt)).forEach(request -> {
            String at = request.steps.stream().filter(step -> step.state() == RunStep.State.RUNNING).map(RunStep::title).findFirst()
                    .orElse("between steps");
            request.steps.replaceAll(step -> switch (step.state()) {
                case RUNNING -> step.ended(RunStep.State.FAILED, clock.instant(), "Interrupted: the portal stopped.");
                case PENDING -> step.skipped("Not run: the portal stopped.");
                default -> step;
            });
            request.status = RequestStatus.FAILED;
            request.finishedAt = clock.instant();
            request.failedStep = at;
            request.outcome = "Interrupted: the portal stopped while this upgrade ran (" + at + "). Check the running versions on the"
                    + " Stack page" + (request.backupId == null ? "." : "; the pre-upgrade backup is " + request.backupId + ".");
            log.warn("Upgrade {} was interrupted by a stop of the portal.", request.id);
            interrupted.add(new UpgradeEvents.UpgradeFinished(request.id, request.status, request.outcome, request.backupId, "system"));
        }));
        interrupted.forEach(events::publishEvent);
    }

    /**
     * Lets a running upgrade end (or roll back) before the portal stops, within the time its steps may take; only then
     * interrupts it. An interrupted upgrade is marked failed at the next start.
     */
    @PreDestroy
    void shutdown() throws InterruptedException {
        work.shutdown();
        java.time.Duration patience = properties.stopGrace().multipliedBy(4).plus(properties.healthTimeout().multipliedBy(2));
        if (!work.awaitTermination(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            log.warn("An upgrade still runs after {} s; the portal stops anyway.", patience.toSeconds());
            work.shutdownNow();
        }
    }

    /**
     * Starts an approved upgrade in the background and answers the RUNNING request with its pending steps. Refused
     * (409) unless approved, within its approval, window and plan, and while other work holds the stack. Nothing
     * else (backup, restore, another upgrade) runs on the stack until it has ended.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public UpgradeRequestRecord start(long id) {
        whyNotStartable(id).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        UpgradeRequestRecord approved = request(id).orElseThrow();
        StackClaim claim = stack.claim("the upgrade to " + approved.to() + " (request " + id + ")", true);
        try {
            ContainerFacts backend = stack.container(StackPart.BACKEND);
            ContainerFacts frontend = stack.container(StackPart.FRONTEND);
            if (backend.imageId() == null || frontend.imageId() == null) {
                throw new IllegalStateException("The engine does not report the image IDs of the running containers: without them"
                        + " a failed upgrade could not be rolled back exactly, so it does not start.");
            }
            List<RunStep> steps = UpgradeRollout.titles(plan(approved.toBackend(), approved.toFrontend())).stream().map(RunStep::pending).toList();
            String actor = RequestOrigin.actor();
            UpgradeRequestRecord running = ownTransaction.execute(tx -> {
                UpgradeRequest request = requests.findById(id).orElseThrow();
                if (request.status != RequestStatus.APPROVED) {
                    throw new IllegalStateException("Request " + id + " is " + request.status + ": only an approved request can start.");
                }
                request.status = RequestStatus.RUNNING;
                request.startedBy = actor;
                request.startedAt = clock.instant();
                request.fromBackendImage = backend.image();
                request.fromBackendImageId = backend.imageId();
                request.fromFrontendImage = frontend.image();
                request.fromFrontendImageId = frontend.imageId();
                request.steps.clear();
                request.steps.addAll(steps);
                return requests.save(request).record();
            });
            rollout.board().tell(running);
            try {
                work.execute(() -> {
                    try (claim) {
                        SystemActor.run(() -> rollout.run(id, claim, () -> plan(running.toBackend(), running.toFrontend()),
                                plan -> PlanFingerprint.of(catalog, plan)));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                ownTransaction.executeWithoutResult(tx -> requests.findById(id).ifPresent(request -> {
                    request.status = RequestStatus.APPROVED;
                    request.steps.clear();
                }));
                throw new IllegalStateException("The portal is shutting down: the upgrade did not start.");
            }
            return running;
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /** Tells the subscriber about every change of a running upgrade (each step); run the answer to unsubscribe. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public Runnable subscribe(Consumer<UpgradeRequestRecord> subscriber) {
        boolean readsLogs = Roles.currentUserHasAny(Roles.OPERATOR, Roles.ADMIN);
        return rollout.board().subscribe(news -> subscriber.accept(readsLogs ? news : news.withoutLog()));
    }

    /**
     * Requests an upgrade to these versions. Every breaking change the plan crosses must be acknowledged; a blocked
     * plan cannot be requested. The acknowledgements are stored with the requester and the time.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public UpgradeRequestRecord request(String backendTag, String frontendTag, String reason, Instant windowStart, Instant windowEnd,
            Collection<String> acknowledged) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why this upgrade is needed.");
        }
        TextLimits.require("reason", reason, 2000);
        if (windowStart != null && windowEnd != null && !windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("The time window must end after it starts.");
        }
        UpgradePlan plan = plan(backendTag, frontendTag);
        Set<String> given = acknowledged == null ? Set.of() : Set.copyOf(acknowledged);
        List<String> missing = plan.breakingChanges().stream().map(BreakingChange::id).filter(id -> !given.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Acknowledge every breaking change the upgrade crosses; missing: " + String.join(", ", missing) + ".");
        }
        if (plan.blocked()) {
            throw new IllegalStateException("The plan is blocked: " + plan.steps().stream().flatMap(step -> step.checks().stream())
                    .filter(check -> check.status() == CheckStatus.FAIL).map(Check::reason).collect(Collectors.joining(" ")));
        }
        String actor = RequestOrigin.actor();
        Instant now = clock.instant();
        UpgradeRequest request = new UpgradeRequest();
        request.fromBackend = plan.from().backend().toString();
        request.fromFrontend = plan.from().frontend().toString();
        request.toBackend = plan.to().backend().toString();
        request.toFrontend = plan.to().frontend().toString();
        request.reason = reason.strip();
        request.windowStart = windowStart;
        request.windowEnd = windowEnd;
        request.status = RequestStatus.REQUESTED;
        request.planFingerprint = PlanFingerprint.of(catalog, plan);
        request.requestedBy = actor;
        request.requestedAt = now;
        plan.breakingChanges().forEach(change -> request.acknowledgements.add(new Acknowledgement(change.id(), actor, now)));
        requests.save(request);
        events.publishEvent(new UpgradeEvents.UpgradeRequested(request.id, plan.from().toString(), plan.to().toString(),
                plan.breakingChanges().stream().map(BreakingChange::id).toList()));
        return request.record();
    }

    /**
     * Approves a request: an admin other than the requester, whose account existed before the request and was neither
     * created nor made an admin by the requester; the approval holds for the configured validity.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public UpgradeRequestRecord approve(long id, String reason) {
        return decisions.decide(id, true, reason);
    }

    /** Rejects a request, with the reason, under the same four-eyes rules. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public UpgradeRequestRecord reject(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the upgrade is rejected.");
        }
        return decisions.decide(id, false, reason);
    }

    /** Withdraws a request that has not started, approved or not: its requester or an admin. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public UpgradeRequestRecord withdraw(long id) {
        return decisions.withdraw(id);
    }

    /**
     * Why the request cannot start now (not approved, approval expired or void because the plan changed, outside its
     * window), or empty when it can.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<String> whyNotStartable(long id) {
        UpgradeRequest request = requests.findById(id).orElseThrow(() -> new NoSuchElementException("There is no upgrade request " + id + "."));
        String fingerprint;
        try {
            fingerprint = PlanFingerprint.of(catalog, plan(request.toBackend, request.toFrontend));
        } catch (IllegalArgumentException | IllegalStateException e) {
            fingerprint = "unplannable: " + e.getMessage();
        }
        return FourEyes.whyNotStartable(request, clock.instant(), fingerprint);
    }

    /** One request. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<UpgradeRequestRecord> request(long id) {
        return requests.findById(id).map(UpgradeRequest::record).map(UpgradeService::visible);
    }

    /** Every request, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<UpgradeRequestRecord> requests() {
        return requests(RequestQuery.ALL);
    }

    /** The requests the query matches, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<UpgradeRequestRecord> requests(RequestQuery query) {
        return requests.findAllByOrderByRequestedAtDesc().stream().map(UpgradeRequest::record).filter(query::matches)
                .map(UpgradeService::visible).toList();
    }

    /** Container logs may hold secrets: only the ops team and admins read them (the failing container's last lines). */
    private static UpgradeRequestRecord visible(UpgradeRequestRecord record) {
        return record.failureLog().isEmpty() || Roles.currentUserHasAny(Roles.OPERATOR, Roles.ADMIN) ? record : record.withoutLog();
    }

    /** The requests the query matches as CSV, one line per request, for managers' spreadsheets. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public void exportCsv(RequestQuery query, Writer out) throws IOException {
        out.write("id,requested_at,requested_by,from,to,reason,acknowledged,status,decided_by,decided_at,decision_reason,started_by,"
                + "started_at,finished_at,duration_s,backup,failed_step,outcome\r\n");
        for (UpgradeRequestRecord r : requests(query)) {
            Long seconds = r.startedAt() == null || r.finishedAt() == null ? null
                    : java.time.Duration.between(r.startedAt(), r.finishedAt()).toSeconds();
            out.write(CsvRow.of(r.id(), r.requestedAt(), r.requestedBy(), r.from(), r.to(), r.reason(),
                    r.acknowledgements().stream().map(Acknowledgement::changeId).collect(Collectors.joining(" ")), r.status(), r.decidedBy(),
                    r.decidedAt(), r.decisionReason(), r.startedBy(), r.startedAt(), r.finishedAt(), seconds, r.backupId(), r.failedStep(),
                    r.outcome()));
        }
    }

    /** The last upgrade that ended, successful or not. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<UpgradeRequestRecord> lastUpgrade() {
        return requests.findFirstByFinishedAtNotNullOrderByFinishedAtDesc().map(UpgradeRequest::record);
    }

    /** The release catalog in use. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public ReleaseCatalog catalog() {
        return catalog;
    }

    /**
     * Replaces the release catalog by an upload: refused with the line and the reason when malformed, or when its
     * revision is not above the one in use; the catalog in use stays until a good one arrives. Every upload is kept.
     * Approvals given under the old catalog become void.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public synchronized CatalogVersion replaceCatalog(String json) {
        ReleaseCatalog parsed = CatalogParser.parse(json == null ? "" : json);
        ReleaseCatalog before = catalog;
        if (parsed.revision() <= before.revision()) {
            throw new IllegalArgumentException("The catalog's revision " + parsed.revision() + " must be above the one in use ("
                    + before.revision() + ").");
        }
        StoredCatalog stored = new StoredCatalog();
        stored.revision = parsed.revision();
        stored.content = json;
        stored.uploadedBy = RequestOrigin.actor();
        stored.uploadedAt = clock.instant();
        ownTransaction.executeWithoutResult(tx -> catalogs.save(stored));
        catalog = parsed;
        events.publishEvent(new UpgradeEvents.CatalogReplaced(before.revision(), parsed.revision(), parsed.releases().size(),
                breakingChanges(parsed)));
        return version(stored.id, parsed, stored.uploadedBy, stored.uploadedAt, true);
    }

    /** The catalog in use and every earlier one, newest first; the shipped catalog last. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<CatalogVersion> catalogHistory() {
        List<CatalogVersion> history = new ArrayList<>();
        List<StoredCatalog> uploads = catalogs.findAllByOrderByIdDesc();
        for (StoredCatalog stored : uploads) {
            ReleaseCatalog parsed;
            try {
                parsed = CatalogParser.parse(stored.content);
            } catch (CatalogRefusedException e) {
                continue;
            }
            history.add(version(stored.id, parsed, stored.uploadedBy, stored.uploadedAt, history.isEmpty() && parsed.equals(catalog)));
        }
        ReleaseCatalog shipped = CatalogParser.shipped();
        history.add(version(0, shipped, null, null, uploads.isEmpty() || shipped.equals(catalog) && history.stream().noneMatch(CatalogVersion::inUse)));
        return history;
    }

    /** The text of a catalog in the history ({@code 0}: the shipped one), for download. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public String catalogText(long id) {
        if (id == 0) {
            return CatalogParser.shippedText();
        }
        return catalogs.findById(id).map(stored -> stored.content)
                .orElseThrow(() -> new NoSuchElementException("There is no uploaded catalog " + id + "."));
    }

    private static CatalogVersion version(long id, ReleaseCatalog parsed, String by, Instant at, boolean inUse) {
        return new CatalogVersion(id, parsed.revision(), by, at, parsed.releases().size(), breakingChanges(parsed), inUse);
    }

    private static int breakingChanges(ReleaseCatalog parsed) {
        return parsed.releases().stream().mapToInt(release -> release.breakingChanges().size()).sum();
    }

    /**
     * The steps from the stack's current versions to these target tags, with the breaking changes each crosses and
     * its precondition checks. Floating, unknown or unchanged targets are refused with a {@link PlanRefusedException}.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public UpgradePlan plan(String backendTag, String frontendTag) {
        if (backendTag == null || backendTag.isBlank() || frontendTag == null || frontendTag.isBlank()) {
            throw new PlanRefusedException("Name both targets, e.g. backend=90.0.0&frontend=90.0.0.");
        }
        return new UpgradePlanner(catalog).plan(backendTag, frontendTag, facts());
    }

    /** The running versions and the newer pinned ones available, for the planner's choices and the dashboard. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public NewerVersions newerVersions() {
        UpgradeFacts facts = facts();
        List<Version> newer = facts.available().stream().filter(v -> v.compareTo(facts.current().backend()) > 0).sorted().toList();
        return new NewerVersions(facts.current(), newer,
                newer.isEmpty() ? List.of() : catalog.crossedBetween(facts.current().backend(), newer.get(newer.size() - 1)));
    }

    private UpgradeFacts facts() {
        CompletableFuture<StackFacts<ContainerFacts>> backend = stack.backend();
        CompletableFuture<StackFacts<ContainerFacts>> frontend = stack.frontend();
        CompletableFuture<StackFacts<MongoFacts>> mongo = stack.mongo();
        CompletableFuture<StackFacts<ReleaseTags>> tags = stack.releaseTags();
        ContainerFacts b = running("backend", backend.join());
        ContainerFacts f = running("frontend", frontend.join());
        MongoFacts m = mongo.join().facts();
        BackupSpace space = backups.fullBackupSpace();
        Set<Version> available = new HashSet<>();
        Optional.ofNullable(tags.join().facts()).ifPresent(t -> {
            versions(t.backend(), available);
            versions(t.frontend(), available);
        });
        return new UpgradeFacts(new StackVersions(pinned("backend", b), pinned("frontend", f)), m == null ? null : m.version(),
                m == null ? null : m.featureCompatibilityVersion(), Set.copyOf(b.environmentNames()), space.freeBytes(), space.lastSetBytes(),
                lastUpgradeFrom(), available);
    }

    /** Where the last successful upgrade started from: the only versions a downgrade may go back to. */
    private StackVersions lastUpgradeFrom() {
        return ownTransaction.execute(tx -> requests.findFirstByStatusOrderByFinishedAtDesc(RequestStatus.SUCCEEDED)
                .map(last -> new StackVersions(Version.parse(last.fromBackend), Version.parse(last.fromFrontend))).orElse(null));
    }

    private static ContainerFacts running(String component, StackFacts<ContainerFacts> facts) {
        if (facts.facts() == null) {
            throw new IllegalStateException("The " + component + " cannot be read: " + facts.error());
        }
        return facts.facts();
    }

    private static Version pinned(String component, ContainerFacts container) {
        if (container.version() == null) {
            throw new IllegalStateException("The " + component + " runs " + container.image()
                    + ", a floating tag: pin it to a version before planning an upgrade.");
        }
        return Version.parse(container.version());
    }

    private static void versions(List<String> tags, Set<Version> into) {
        for (String tag : tags) {
            ImageReference.parse("x:" + tag).version().ifPresent(into::add);
        }
    }
}
