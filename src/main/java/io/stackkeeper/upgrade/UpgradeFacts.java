package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.Set;

/**
 * What the planner needs to know about the stack as it is now.
 *
 * @param current the versions running now
 * @param mongoVersion the MongoDB server version as it reports it ({@code 4.4.29}), or {@code null} when unknown
 * @param featureCompatibilityVersion MongoDB's current FCV ({@code 4.2}), or {@code null} when unknown
 * @param backendEnvironment the names of the environment variables of the backend container
 * @param freeBackupBytes free space in the backup target, negative when unknown
 * @param lastBackupSetBytes the size of the last backup set, 0 when unknown
 * @param lastUpgradeFrom the versions the last successful upgrade started from, or {@code null} when none is recorded
 * @param available pinned versions found in the registry's tag lists and among the engine's images
 */
public record UpgradeFacts(StackVersions current, String mongoVersion, String featureCompatibilityVersion,
        Set<String> backendEnvironment, long freeBackupBytes, long lastBackupSetBytes, StackVersions lastUpgradeFrom,
        Set<Version> available) {

    public UpgradeFacts {
        backendEnvironment = Set.copyOf(backendEnvironment);
        available = Set.copyOf(available);
    }
}
