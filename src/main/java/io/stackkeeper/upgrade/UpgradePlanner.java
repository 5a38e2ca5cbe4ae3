package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a target pair of versions into the ordered steps that reach it: a stop first at every version a crossed
 * release insists on, the breaking changes each step crosses, and each step's precondition checks.
 */
final class UpgradePlanner {

    private final ReleaseCatalog catalog;
    private final Preconditions preconditions;

    UpgradePlanner(ReleaseCatalog catalog) {
        this.catalog = catalog;
        this.preconditions = new Preconditions(catalog);
    }

    /** Plans towards tags as people type them; floating or non-semantic tags are refused. */
    UpgradePlan plan(String backendTag, String frontendTag, UpgradeFacts facts) {
        return plan(new StackVersions(pinned("backend", backendTag), pinned("frontend", frontendTag)), facts);
    }

    UpgradePlan plan(StackVersions target, UpgradeFacts facts) {
        StackVersions current = facts.current();
        if (target.equals(current)) {
            throw new PlanRefusedException("The stack already runs " + current + "; there is nothing to upgrade.");
        }
        refuseUnknown("backend", target.backend(), facts);
        refuseUnknown("frontend", target.frontend(), facts);
        boolean downgrade = target.backend().compareTo(current.backend()) < 0
                || target.frontend().compareTo(current.frontend()) < 0;
        List<StackVersions> stops = downgrade ? List.of(target) : stops(current.backend(), target);

        Optional<MongoVersion> server = Preconditions.readable(facts.mongoVersion());
        Optional<MongoVersion> fcv = Preconditions.readable(facts.featureCompatibilityVersion());
        List<PlannedStep> steps = new ArrayList<>();
        Version at = current.backend();
        for (StackVersions stop : stops) {
            List<Check> checks = new ArrayList<>();
            if (steps.isEmpty()) {
                if (downgrade) {
                    checks.add(preconditions.downgrade(current, target, facts.lastUpgradeFrom()));
                }
                checks.add(preconditions.backupSpace(facts.freeBackupBytes(), facts.lastBackupSetBytes()));
            }
            checks.add(preconditions.majors(stop));
            checks.add(preconditions.mongo(stop.backend(), facts.mongoVersion(), server));
            Optional<MongoVersion> fcvToSet = downgrade ? Optional.empty() : preconditions.featureCompatibilityToSet(stop.backend(), fcv);
            checks.add(preconditions.featureCompatibility(stop.backend(), fcv, fcvToSet, server));
            checks.add(preconditions.environment(stop.backend(), facts.backendEnvironment()));
            List<BreakingChange> crossed = downgrade ? List.of() : catalog.crossedBetween(at, stop.backend());
            steps.add(new PlannedStep(stop.backend(), stop.frontend(), crossed, fcvToSet.orElse(null), checks));
            if (fcvToSet.isPresent()) {
                fcv = fcvToSet;
            }
            at = stop.backend();
        }
        return new UpgradePlan(current, target, steps);
    }

    /** Intermediate stops run the frontend at the backend's version; the last stop is the requested pair. */
    private List<StackVersions> stops(Version from, StackVersions target) {
        List<StackVersions> stops = new ArrayList<>();
        for (Version backend : route(from, target.backend())) {
            stops.add(backend.equals(target.backend()) ? target : new StackVersions(backend, backend));
        }
        return stops;
    }

    /** The backend versions to pass through, ending with {@code to}; reaching a mandatory stop counts as meeting it. */
    private List<Version> route(Version from, Version to) {
        Optional<Version> stop = catalog.crossedBetween(from, to).stream()
                .map(change -> change.requirements().mandatoryStop())
                .filter(Objects::nonNull)
                .filter(version -> version.compareTo(from) > 0)
                .min(Comparator.naturalOrder());
        if (stop.isEmpty()) {
            return List.of(to);
        }
        List<Version> route = new ArrayList<>(route(from, stop.get()));
        route.addAll(route(stop.get(), to));
        return route;
    }

    private void refuseUnknown(String role, Version version, UpgradeFacts facts) {
        boolean rollbackTarget = facts.lastUpgradeFrom() != null
                && (facts.lastUpgradeFrom().backend().equals(version) || facts.lastUpgradeFrom().frontend().equals(version));
        if (!catalog.lists(version) && !facts.available().contains(version) && !rollbackTarget) {
            throw new PlanRefusedException("The " + role + " version " + version + " is unknown: it is neither in the release"
                    + " catalog nor among the versions found in the registry or on the engine.");
        }
    }

    private static Version pinned(String role, String tag) {
        if (tag == null || tag.isBlank()) {
            throw new PlanRefusedException("No " + role + " version given: pick a pinned version like 89.0.0.");
        }
        try {
            return Version.parse(tag);
        } catch (IllegalArgumentException e) {
            throw new PlanRefusedException("The " + role + " tag '" + tag.strip() + "' is not a pinned version like 89.0.0;"
                    + " floating tags such as latest or latest-monthly can never be an upgrade target.");
        }
    }
}
