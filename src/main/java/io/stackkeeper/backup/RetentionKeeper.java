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
record RetentionKeeper(BackupRunRepository runs, BackupProperties properties, ApplicationEventPublisher events,
        Clock clock, TransactionTemplate transaction) {

    private static final Logger log = LoggerFactory.getLogger(RetentionKeeper.class);

    /** What the policy would do to the plan's existing sets, protections included; touches nothing. */
    RetentionDecision preview(String plan, Path target, RetentionPolicy policy) {
        return decide(sets(plan, target), policy, null);
    }

    /**
     * The ids of the sets the policy would remove from the plan's own sets.
     *
     * @param unpinned a set to count as not pinned (to ask what unpinning it would do); {@code null} for none
     */
    List<String> wouldRemove(String plan, Path target, RetentionPolicy policy, String unpinned) {
        List<BackupRun> sets = sets(plan, target);
        List<Instant> gone = decide(sets, policy, unpinned).remove().stream().map(RetentionDecision.Removed::time).toList();
        return sets.stream().filter(run -> gone.contains(run.startedAt)).map(run -> run.id).toList();
    }

    /** Whether the plan has sets of its own that retention looks after. */
    boolean hasSets(String plan, Path target) {
        return !sets(plan, target).isEmpty();
    }

    /**
     * Removes the sets the policy lets go; returns their run ids. The caller holds the stack (the backup's claim), so
     * no restore or drill starts meanwhile; each set is looked at again just before it goes, and one that was pinned,
     * linked to a restore, drill or upgrade, or imported since is kept.
     */
    List<String> apply(BackupPlanSettings plan) {
        List<BackupRun> sets = sets(plan.name(), plan.targetPath());
        RetentionDecision decision = decide(sets, plan.retention(), null);
        Map<Instant, List<BackupRun>> byTime = new HashMap<>();
        sets.forEach(run -> byTime.computeIfAbsent(run.startedAt, t -> new ArrayList<>()).add(run));
        List<String> removed = new ArrayList<>();
        for (RetentionDecision.Removed gone : decision.remove()) {
            for (BackupRun run : byTime.getOrDefault(gone.time(), List.of())) {
                if (protectedNow(run.id)) {
                    continue;
                }
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
            events.publishEvent(new BackupEvents.SetsRemoved(plan.name(), removed));
        }
        return removed;
    }

    private boolean protectedNow(String id) {
        Instant linkLimit = clock.instant().minus(properties.linkProtection());
        return Boolean.TRUE.equals(transaction.execute(status -> runs.findById(id)
                .map(run -> run.pinned || run.imported || run.removedAt != null || run.linkedAt != null && run.linkedAt.isAfter(linkLimit))
                .orElse(true)));
    }

    /**
     * The plan's own sets: written by the plan into its current target folder. An imported set, or one whose folder
     * is elsewhere (an earlier target, a moved folder), is never retention's to delete.
     */
    private List<BackupRun> sets(String plan, Path target) {
        return runs.findByPlanNameAndStatusAndRemovedAtIsNullOrderByStartedAtDesc(plan, RunStatus.SUCCEEDED).stream()
                .filter(run -> !run.imported && run.location != null && target.equals(Path.of(run.location).normalize().getParent()))
                .toList();
    }

    private RetentionDecision decide(List<BackupRun> sets, RetentionPolicy policy, String unpinned) {
        Instant linkLimit = clock.instant().minus(properties.linkProtection());
        Map<Instant, String> protections = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            BackupRun run = sets.get(i);
            if (i == 0) {
                protections.put(run.startedAt, "newest");
            } else if (run.pinned && !run.id.equals(unpinned)) {
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
