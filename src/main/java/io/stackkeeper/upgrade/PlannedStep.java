package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.List;

/**
 * One move of the stack: set MongoDB's FCV when needed, then recreate the backend and the frontend at these versions.
 *
 * @param breakingChanges the breaking changes this step crosses, oldest first; operators acknowledge each
 * @param featureCompatibilityVersion the FCV to set before the backend starts, or {@code null} when none
 * @param checks the step's preconditions; the first step also carries those of the whole upgrade
 */
public record PlannedStep(Version backend, Version frontend, List<BreakingChange> breakingChanges,
        MongoVersion featureCompatibilityVersion, List<Check> checks) {

    public PlannedStep {
        breakingChanges = List.copyOf(breakingChanges);
        checks = List.copyOf(checks);
    }

    public boolean blocked() {
        return checks.stream().anyMatch(check -> check.status() == CheckStatus.FAIL);
    }
}
