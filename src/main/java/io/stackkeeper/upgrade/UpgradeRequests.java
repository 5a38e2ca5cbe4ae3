package io.stackkeeper.upgrade;

import io.stackkeeper.base.CsvRow;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.TextLimits;
import io.stackkeeper.security.Roles;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Upgrade requests: made with their acknowledgements, read (logs only for the ops team), and exported as CSV. */
@Component
record UpgradeRequests(UpgradeRequestRepository requests, PlanningFacts planning, Catalogs catalogs,
        ApplicationEventPublisher events, Clock clock) {

    UpgradeRequestRecord create(String backendTag, String frontendTag, String reason, Instant windowStart, Instant windowEnd,
            Collection<String> acknowledged) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why this upgrade is needed.");
        }
        TextLimits.require("reason", reason, 2000);
        if (windowStart != null && windowEnd != null && !windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("The time window must end after it starts.");
        }
        UpgradePlan plan = planning.plan(backendTag, frontendTag);
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
        request.planFingerprint = PlanFingerprint.of(catalogs.inUse(), plan);
        request.requestedBy = actor;
        request.requestedAt = now;
        plan.breakingChanges().forEach(change -> request.acknowledgements.add(new Acknowledgement(change.id(), actor, now)));
        requests.save(request);
        events.publishEvent(new UpgradeEvents.UpgradeRequested(request.id, plan.from().toString(), plan.to().toString(),
                plan.breakingChanges().stream().map(BreakingChange::id).toList()));
        return request.record();
    }

    Optional<String> whyNotStartable(long id) {
        UpgradeRequest request = requests.findById(id).orElseThrow(() -> new NoSuchElementException("There is no upgrade request " + id + "."));
        return FourEyes.whyNotStartable(request, clock.instant(), planning.fingerprint(request.toBackend, request.toFrontend));
    }

    Optional<UpgradeRequestRecord> find(long id) {
        return requests.findById(id).map(UpgradeRequest::record).map(UpgradeRequests::visible);
    }

    List<UpgradeRequestRecord> matching(RequestQuery query) {
        return requests.findAllByOrderByRequestedAtDesc().stream().map(UpgradeRequest::record).filter(query::matches)
                .map(UpgradeRequests::visible).toList();
    }

    void exportCsv(RequestQuery query, Writer out) throws IOException {
        out.write("id,requested_at,requested_by,from,to,reason,acknowledged,status,decided_by,decided_at,decision_reason,started_by,"
                + "started_at,finished_at,duration_s,backup,failed_step,outcome\r\n");
        for (UpgradeRequestRecord r : matching(query)) {
            Long seconds = r.startedAt() == null || r.finishedAt() == null ? null : Duration.between(r.startedAt(), r.finishedAt()).toSeconds();
            out.write(CsvRow.of(r.id(), r.requestedAt(), r.requestedBy(), r.from(), r.to(), r.reason(),
                    r.acknowledgements().stream().map(Acknowledgement::changeId).collect(Collectors.joining(" ")), r.status(), r.decidedBy(),
                    r.decidedAt(), r.decisionReason(), r.startedBy(), r.startedAt(), r.finishedAt(), seconds, r.backupId(), r.failedStep(),
                    r.outcome()));
        }
    }

    Optional<UpgradeRequestRecord> lastEnded() {
        return requests.findFirstByFinishedAtNotNullOrderByFinishedAtDesc().map(UpgradeRequest::record);
    }

    /** Container logs may hold secrets: only the ops team and admins read them (the failing container's last lines). */
    private static UpgradeRequestRecord visible(UpgradeRequestRecord record) {
        return record.failureLog().isEmpty() || Roles.currentUserHasAny(Roles.OPERATOR, Roles.ADMIN) ? record : record.withoutLog();
    }
}
