package io.stackkeeper.upgrade;

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
import java.time.Clock;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The upgrade feature's one public service: the release catalog and upgrade plans for the configured stack. */
@Service
public class UpgradeService {

    private final StackService stack;
    private final BackupService backups;
    private final UpgradeRequestRepository requests;
    private final UpgradeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReleaseCatalog catalog = CatalogParser.shipped();

    UpgradeService(StackService stack, BackupService backups, UpgradeRequestRepository requests, UpgradeProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.stack = stack;
        this.backups = backups;
        this.requests = requests;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
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
        request.planFingerprint = PlanFingerprint.of(catalog.catalogVersion(), plan);
        request.requestedBy = actor;
        request.requestedAt = now;
        plan.breakingChanges().forEach(change -> request.acknowledgements.add(new Acknowledgement(change.id(), actor, now)));
        requests.save(request);
        events.publishEvent(new UpgradeEvents.UpgradeRequested(request.id, plan.from().toString(), plan.to().toString(),
                plan.breakingChanges().stream().map(BreakingChange::id).toList()));
        return request.record();
    }

    /** Approves a request: an admin other than the requester; the approval holds for the configured validity. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public UpgradeRequestRecord approve(long id, String reason) {
        return decide(id, true, reason);
    }

    /** Rejects a request, with the reason: an admin other than the requester. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public UpgradeRequestRecord reject(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the upgrade is rejected.");
        }
        return decide(id, false, reason);
    }

    private UpgradeRequestRecord decide(long id, boolean approved, String reason) {
        UpgradeRequest request = requests.findById(id).orElseThrow(() -> new NoSuchElementException("There is no upgrade request " + id + "."));
        FourEyes.checkDecision(request, RequestOrigin.actor());
        request.status = approved ? RequestStatus.APPROVED : RequestStatus.REJECTED;
        request.decidedBy = RequestOrigin.actor();
        request.decidedAt = clock.instant();
        request.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        request.approvalExpiresAt = approved ? request.decidedAt.plus(properties.approvalValidity()) : null;
        events.publishEvent(new UpgradeEvents.UpgradeDecided(id, approved, request.decisionReason));
        return request.record();
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
            fingerprint = PlanFingerprint.of(catalog.catalogVersion(), plan(request.toBackend, request.toFrontend));
        } catch (IllegalArgumentException | IllegalStateException e) {
            fingerprint = "unplannable: " + e.getMessage();
        }
        return FourEyes.whyNotStartable(request, clock.instant(), fingerprint);
    }

    /** One request. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<UpgradeRequestRecord> request(long id) {
        return requests.findById(id).map(UpgradeRequest::record);
    }

    /** Every request, newest first. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<UpgradeRequestRecord> requests() {
        return requests.findAllByOrderByRequestedAtDesc().stream().map(UpgradeRequest::record).toList();
    }

    /** The release catalog in use. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public ReleaseCatalog catalog() {
        return catalog;
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
                null, available);
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
