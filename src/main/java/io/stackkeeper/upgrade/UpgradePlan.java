package io.stackkeeper.upgrade;

import java.util.List;

/** The ordered steps from the running versions to the target, and whether a failed check blocks them. */
public record UpgradePlan(StackVersions from, StackVersions to, List<PlannedStep> steps) {

    public UpgradePlan {
        steps = List.copyOf(steps);
    }

    public boolean blocked() {
        return steps.stream().anyMatch(PlannedStep::blocked);
    }

    /** Every breaking change the plan crosses, in the order it crosses them: what a request must acknowledge. */
    public List<BreakingChange> breakingChanges() {
        return steps.stream().flatMap(step -> step.breakingChanges().stream()).toList();
    }
}
