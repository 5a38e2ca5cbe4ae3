package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.List;

/**
 * The running versions and the pinned versions newer than the backend that the registry or the engine offer, oldest
 * first, with the breaking changes between the running backend and the newest of them.
 */
public record NewerVersions(StackVersions current, List<Version> newer, List<BreakingChange> breakingChangesToNewest) {

    public boolean available() {
        return !newer.isEmpty();
    }
}
