package io.stackkeeper.upgrade;

import io.stackkeeper.base.ByteSize;
import io.stackkeeper.stack.Version;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The automatic checks of an upgrade step. Requirements are those in effect at the step's backend version, not only
 * those it crosses, so a stack that skipped a requirement earlier (an FCV never raised) is caught at its next upgrade.
 */
final class Preconditions {

    static final String DOWNGRADE = "downgrade";
    static final String BACKUP_SPACE = "backup space";
    static final String MAJORS = "majors";
    static final String MONGODB = "mongodb";
    static final String FEATURE_COMPATIBILITY = "feature compatibility";
    static final String ENVIRONMENT = "environment";

    private final ReleaseCatalog catalog;

    Preconditions(ReleaseCatalog catalog) {
        this.catalog = catalog;
    }

    /** A MongoDB version as reported, or empty when unknown or unreadable. */
    static Optional<MongoVersion> readable(String reported) {
        try {
            return reported == null ? Optional.empty() : Optional.of(MongoVersion.parseServer(reported));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Check downgrade(StackVersions current, StackVersions target, StackVersions lastUpgradeFrom) {
        if (target.equals(lastUpgradeFrom)) {
            return Check.warn(DOWNGRADE, "Rolls back the last upgrade to " + target + ". Its migrations may have changed data"
                    + " that the older version cannot read; the pre-upgrade backup of that upgrade can be restored.");
        }
        String allowed = lastUpgradeFrom == null ? "no upgrade is recorded to roll back"
                : "only the rollback of the last upgrade (to " + lastUpgradeFrom + ") may go back";
        return Check.fail(DOWNGRADE, "Going back from " + current + " to " + target + " is refused: " + allowed + ".");
    }

    Check backupSpace(long freeBytes, long lastSetBytes) {
        if (lastSetBytes <= 0 || freeBytes < 0) {
            return Check.warn(BACKUP_SPACE, "The size of the last backup set or the free space is unknown; cannot tell whether"
                    + " the pre-upgrade backup fits.");
        }
        long needed = lastSetBytes + (lastSetBytes + 9) / 10;
        String budget = "the pre-upgrade backup needs about " + ByteSize.format(needed) + " (last set " + ByteSize.format(lastSetBytes) + " + 10%)";
        return freeBytes >= needed
                ? Check.pass(BACKUP_SPACE, ByteSize.format(freeBytes) + " free in the backup target; " + budget + ".")
                : Check.fail(BACKUP_SPACE, "Only " + ByteSize.format(freeBytes) + " free in the backup target; " + budget + ".");
    }

    Check majors(StackVersions step) {
        return step.compatible()
                ? Check.pass(MAJORS, "Backend and frontend are both v" + step.backend().major() + ".")
                : Check.fail(MAJORS, "Backend " + step.backend() + " and frontend " + step.frontend() + " have different majors ("
                        + step.backend().major() + " and " + step.frontend().major() + "); they must be equal.");
    }

    Check mongo(Version backend, String reported, Optional<MongoVersion> server) {
        Optional<MongoVersion> required = inEffect(backend).stream()
                .map(change -> change.requirements().minimumMongo())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        if (required.isEmpty()) {
            return Check.pass(MONGODB, backend + " asks for no particular MongoDB version.");
        }
        String need = backend + " needs MongoDB " + required.get() + " or later";
        if (server.isEmpty()) {
            String unknown = reported == null ? "MongoDB's version is unknown" : "MongoDB reports an unreadable version '" + reported + "'";
            return Check.fail(MONGODB, unknown + "; " + need + ".");
        }
        return server.get().compareTo(required.get()) >= 0
                ? Check.pass(MONGODB, "MongoDB " + reported + " is recent enough; " + need + ".")
                : Check.fail(MONGODB, "MongoDB " + reported + " is too old; " + need + ": upgrade MongoDB to " + required.get() + " first.");
    }

    /** The FCV the step must set: the highest in effect at the backend version, when the current one is lower or unknown. */
    Optional<MongoVersion> featureCompatibilityToSet(Version backend, Optional<MongoVersion> current) {
        return wantedFeatureCompatibility(backend).stream()
                .max(Comparator.naturalOrder())
                .filter(highest -> current.isEmpty() || current.get().compareTo(highest) < 0);
    }

    Check featureCompatibility(Version backend, Optional<MongoVersion> current, Optional<MongoVersion> toSet,
            Optional<MongoVersion> server) {
        if (toSet.isEmpty()) {
            return Check.pass(FEATURE_COMPATIBILITY, current.map(fcv -> "The featureCompatibilityVersion " + fcv + " needs no change.")
                    .orElse("No featureCompatibilityVersion to set."));
        }
        MongoVersion fcv = toSet.get();
        if (server.isEmpty() || server.get().compareTo(fcv) < 0) {
            String mongo = server.map(version -> "MongoDB " + version).orElse("MongoDB of unknown version");
            return Check.fail(FEATURE_COMPATIBILITY, mongo + " cannot take featureCompatibilityVersion " + fcv + ", which "
                    + backend + " needs: upgrade MongoDB to " + fcv + " first.");
        }
        String command = "db.adminCommand({setFeatureCompatibilityVersion: '" + fcv + "'})";
        List<String> path = wantedFeatureCompatibility(backend).stream()
                .filter(version -> current.isEmpty() || current.get().compareTo(version) < 0).map(MongoVersion::toString).toList();
        String order = path.size() > 1 && current.isPresent()
                ? " MongoDB raises it one release at a time: " + String.join(", then ", path) + "."
                : "";
        return current.isEmpty()
                ? Check.warn(FEATURE_COMPATIBILITY, "The current featureCompatibilityVersion is unknown; this step sets it to "
                        + fcv + " before the backend starts: " + command + ".")
                : Check.pass(FEATURE_COMPATIBILITY, "This step raises the featureCompatibilityVersion from " + current.get() + " to "
                        + fcv + " before the backend starts: " + command + "." + order);
    }

    Check environment(Version backend, Set<String> defined) {
        Map<String, Version> requiredSince = new LinkedHashMap<>();
        for (Release release : catalog.releases()) {
            if (release.version().compareTo(backend) <= 0) {
                release.breakingChanges().forEach(change -> change.requirements().requiredEnvironment()
                        .forEach(name -> requiredSince.putIfAbsent(name, release.version())));
            }
        }
        if (requiredSince.isEmpty()) {
            return Check.pass(ENVIRONMENT, backend + " requires no particular environment variable.");
        }
        List<String> missing = requiredSince.entrySet().stream().filter(entry -> !defined.contains(entry.getKey()))
                .map(entry -> entry.getKey() + " (required from " + entry.getValue() + " on)").toList();
        return missing.isEmpty()
                ? Check.pass(ENVIRONMENT, "The backend container defines " + String.join(", ", requiredSince.keySet()) + ".")
                : Check.fail(ENVIRONMENT, "The backend container lacks " + String.join(", ", missing)
                        + "; without it the backend will not start.");
    }

    private List<BreakingChange> inEffect(Version backend) {
        return catalog.inEffectAt(backend);
    }

    private List<MongoVersion> wantedFeatureCompatibility(Version backend) {
        return inEffect(backend).stream().map(change -> change.requirements().featureCompatibilityVersion())
                .filter(Objects::nonNull).distinct().sorted().toList();
    }
}
