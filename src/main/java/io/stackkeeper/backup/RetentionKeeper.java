package io.stackkeeper.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a plan's retention to its real sets. Whatever the policy says, it never removes the newest successful set,
 * a pinned set, or a set linked to an upgrade or a restore within the protection period.
 */
@Component
class RetentionKeeper {

    private static final Logger log = LoggerFactory.getLogger(RetentionKeeper.class);

    private final BackupRunRepository runs;
    private final BackupProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RetentionKeeper(BackupRunRepository runs, BackupProperties properties, ApplicationEventPublisher events, Clock clock,
            TransactionTemplate transaction) {
        this.runs = runs;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** What the policy would do to the plan's existing sets, protections included; touches nothing. */
    RetentionDecision preview(String plan, RetentionPolicy policy) {
        return decide(sets(plan), policy);
    }

    /** Removes the sets the policy lets go; returns their run ids. */
    List<String> apply(String plan, RetentionPolicy policy) {
        List<BackupRun> sets = sets(plan);
        RetentionDecision decision = decide(sets, policy);
        Map<Instant, List<BackupRun>> byTime = new HashMap<>();
        sets.forEach(run -> byTime.computeIfAbsent(run.startedAt, t -> new ArrayList<>()).add(run));
        List<String> removed = new ArrayList<>();
        for (RetentionDecision.Removed gone : decision.remove()) {
            for (BackupRun run : byTime.getOrDefault(gone.time(), List.of())) {
                if (BackupSetWriter.delete(Path.of(run.location))) {
                    transaction.executeWithoutResult(status -> runs.findById(run.id).ifPresent(r -> {
                        r.removedAt = clock.instant();
                        runs.save(r);
                    }));
                    removed.add(run.id);
                } else {
                    log.warn("Retention could not remove all of {}; it stays listed and is tried again next time.", run.location);
                }
            }
        }
        if (!removed.isEmpty()) {
            events.publishEvent(new BackupEvents.SetsRemoved(plan, removed));
        }
        return removed;
    }

    private List<BackupRun> sets(String plan) {
        return runs.findByPlanNameAndStatusAndRemovedAtIsNullOrderByStartedAtDesc(plan, RunStatus.SUCCEEDED);
    }

    private RetentionDecision decide(List<BackupRun> sets, RetentionPolicy policy) {
        Instant linkLimit = clock.instant().minus(properties.linkProtection());
        Map<Instant, String> protections = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            BackupRun run = sets.get(i);
            if (i == 0) {
                protections.put(run.startedAt, "newest");
            } else if (run.pinned) {
                protections.put(run.startedAt, "pinned");
            } else if (run.linkedAt != null && run.linkedAt.isAfter(linkLimit)) {
                protections.put(run.startedAt, "linked");
            }
        }
        return protect(Retention.apply(policy, sets.stream().map(run -> run.startedAt).toList()), protections);
    }

    /** Moves protected sets from the removed list to the kept one, with the protection as their reason. */
    static RetentionDecision protect(RetentionDecision decision, Map<Instant, String> protections) {
        List<RetentionDecision.Kept> keep = new ArrayList<>();
        for (RetentionDecision.Kept kept : decision.keep()) {
            String protection = protections.get(kept.time());
            if (protection == null || kept.reasons().contains(protection)) {
                keep.add(kept);
            } else {
                List<String> reasons = new ArrayList<>(kept.reasons());
                reasons.add(protection);
                keep.add(new RetentionDecision.Kept(kept.time(), List.copyOf(reasons)));
            }
        }
        List<RetentionDecision.Removed> remove = new ArrayList<>();
        for (RetentionDecision.Removed removed : decision.remove()) {
            String protection = protections.get(removed.time());
            if (protection == null) {
                remove.add(removed);
            } else {
                keep.add(new RetentionDecision.Kept(removed.time(), List.of(protection)));
            }
        }
        keep.sort(Comparator.comparing(RetentionDecision.Kept::time).reversed());
        return new RetentionDecision(keep, remove);
    }
}
