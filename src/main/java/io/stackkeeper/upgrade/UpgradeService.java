package io.stackkeeper.upgrade;

import io.stackkeeper.security.Roles;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upgrade feature's public face and its security gate: the release catalog ({@link Catalogs}), plans made from
 * the stack's facts ({@link PlanningFacts}), requests ({@link UpgradeRequests}) and their four-eyes decisions
 * ({@link RequestDecisions}), and starting a rollout ({@link RolloutStarter}, {@link UpgradeRollout}). Upgrades a
 * stop interrupted are {@link InterruptedRuns}'.
 */
@Service
public class UpgradeService {

    private final Catalogs catalogs;
    private final PlanningFacts planning;
    private final UpgradeRequests requests;
    private final RequestDecisions decisions;
    private final RolloutStarter starter;
    private final UpgradeRollout rollout;

    UpgradeService(Catalogs catalogs, PlanningFacts planning, UpgradeRequests requests, RequestDecisions decisions,
            RolloutStarter starter, UpgradeRollout rollout) {
        this.catalogs = catalogs;
        this.planning = planning;
        this.requests = requests;
        this.decisions = decisions;
        this.starter = starter;
        this.rollout = rollout;
    }

    /**
     * Starts an approved upgrade in the background and answers the RUNNING request with its pending steps. Refused
     * (409) unless approved, within its approval, window and plan, and while other work holds the stack. Nothing
     * else (backup, restore, another upgrade) runs on the stack until it has ended.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public UpgradeRequestRecord start(long id) {
        return starter.start(id);
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
    public UpgradeRequestRecord requestUpgrade(String backendTag, String frontendTag, String reason, Instant windowStart, Instant windowEnd,
            Collection<String> acknowledged) {
        return requests.create(backendTag, frontendTag, reason, windowStart, windowEnd, acknowledged);
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
        return requests.whyNotStartable(id);
    }

    /** One request. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<UpgradeRequestRecord> request(long id) {
        return requests.find(id);
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
        return requests.matching(query);
    }

    /** The requests the query matches as CSV, one line per request, for managers' spreadsheets. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public void exportCsv(RequestQuery query, Writer out) throws IOException {
        requests.exportCsv(query, out);
    }

    /** The last upgrade that ended, successful or not. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<UpgradeRequestRecord> lastUpgrade() {
        return requests.lastEnded();
    }

    /** The release catalog in use. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public ReleaseCatalog catalog() {
        return catalogs.inUse();
    }

    /**
     * Replaces the release catalog by an upload: refused with the line and the reason when malformed, or when its
     * revision is not above the one in use; the catalog in use stays until a good one arrives. Every upload is kept.
     * Approvals given under the old catalog become void.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public CatalogVersion replaceCatalog(String json) {
        return catalogs.replace(json);
    }

    /** The catalog in use and every earlier one, newest first; the shipped catalog last. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<CatalogVersion> catalogHistory() {
        return catalogs.history();
    }

    /** The text of a catalog in the history ({@code 0}: the shipped one), for download. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public String catalogText(long id) {
        return catalogs.text(id);
    }

    /**
     * The steps from the stack's current versions to these target tags, with the breaking changes each crosses and
     * its precondition checks. Floating, unknown or unchanged targets are refused with a {@link PlanRefusedException}.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public UpgradePlan plan(String backendTag, String frontendTag) {
        return planning.plan(backendTag, frontendTag);
    }

    /** The running versions and the newer pinned ones available, for the planner's choices and the dashboard. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public NewerVersions newerVersions() {
        return planning.newerVersions();
    }
}
