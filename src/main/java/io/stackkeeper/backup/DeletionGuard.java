package io.stackkeeper.backup;

import io.stackkeeper.security.Roles;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Keeps plans and pins from being a delete button: a change after which retention would delete sets (a lower
 * retention, other contents, an unpinned set) is an admin's, and only once they confirmed it having seen the sets.
 */
@Component
record DeletionGuard(RetentionKeeper retention) {

    void checkPlanChange(BackupPlan before, BackupPlanSettings after, boolean confirmed) {
        Path target = Path.of(before.target.strip()).normalize();
        List<String> wouldGo = retention.wouldRemove(before.name, target, after.retention(), null);
        boolean otherContents = before.contents != after.contents() && retention.hasSets(before.name, target);
        if (!wouldGo.isEmpty() || otherContents) {
            require(confirmed, "Changing plan " + before.name + (otherContents && wouldGo.isEmpty()
                    ? " to other contents (its sets then count against the new retention)" : ""), wouldGo);
        }
    }

    void checkUnpin(BackupRun set, BackupPlan plan, boolean confirmed) {
        if (plan == null || !set.pinned) {
            return;
        }
        Path target = Path.of(plan.target.strip()).normalize();
        if (retention.wouldRemove(plan.name, target, plan.settings().retention(), set.id).contains(set.id)) {
            require(confirmed, "Unpinning " + set.id, List.of(set.id));
        }
    }

    private static void require(boolean confirmed, String change, List<String> wouldGo) {
        if (!Roles.currentUserHasAny(Roles.ADMIN)) {
            throw new AccessDeniedException(change + " would let retention delete sets: only an admin can do it.");
        }
        if (!confirmed) {
            throw new DeletionNotConfirmedException(change, wouldGo);
        }
    }
}
