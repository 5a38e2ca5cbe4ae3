package io.stackkeeper.upgrade;

import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.BackupSpace;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.stack.ComponentReading;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.ImageReference;
import io.stackkeeper.stack.MongoFacts;
import io.stackkeeper.stack.ReleaseTags;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the planner needs to know of the stack (running and available versions, MongoDB, environment, backup room,
 * the last upgrade), read fresh for each plan, and the plans made from it with the catalog in use.
 */
@Component
record PlanningFacts(StackService stack, BackupService backups, UpgradeRequestRepository requests, Catalogs catalogs,
        PlatformTransactionManager transactions) {

    UpgradePlan plan(String backendTag, String frontendTag) {
        if (backendTag == null || backendTag.isBlank() || frontendTag == null || frontendTag.isBlank()) {
            throw new PlanRefusedException("Name both targets, e.g. backend=90.0.0&frontend=90.0.0.");
        }
        return new UpgradePlanner(catalogs.inUse()).plan(backendTag, frontendTag, read());
    }

    NewerVersions newerVersions() {
        UpgradeFacts facts = read();
        List<Version> newer = facts.available().stream().filter(v -> v.compareTo(facts.current().backend()) > 0).sorted().toList();
        return new NewerVersions(facts.current(), newer,
                newer.isEmpty() ? List.of() : catalogs.inUse().crossedBetween(facts.current().backend(), newer.get(newer.size() - 1)));
    }

    /** The fingerprint of the plan to these versions now, or why it cannot be planned any more. */
    String fingerprint(String backend, String frontend) {
        try {
            return PlanFingerprint.of(catalogs.inUse(), plan(backend, frontend));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "unplannable: " + e.getMessage();
        }
    }

    private UpgradeFacts read() {
        CompletableFuture<ComponentReading<ContainerFacts>> backend = stack.backend();
        CompletableFuture<ComponentReading<ContainerFacts>> frontend = stack.frontend();
        CompletableFuture<ComponentReading<MongoFacts>> mongo = stack.mongo();
        CompletableFuture<ComponentReading<ReleaseTags>> tags = stack.releaseTags();
        ContainerFacts b = running("backend", backend.join());
        ContainerFacts f = running("frontend", frontend.join());
        MongoFacts m = mongo.join().facts();
        BackupSpace space = backups.fullBackupSpace();
        Set<Version> available = new HashSet<>();
        Optional.ofNullable(tags.join().facts()).ifPresent(t -> {
            versions(t.backend(), available);
            versions(t.frontend(), available);
        });
        return new UpgradeFacts(new StackVersions(pinned("backend", b), pinned("frontend", f)), m == null ? null : m.version(),
                m == null ? null : m.featureCompatibilityVersion(), Set.copyOf(b.environmentNames()), space.freeBytes(), space.lastSetBytes(),
                lastUpgradeFrom(), available);
    }

    /** Where the last successful upgrade started from: the only versions a downgrade may go back to. */
    private StackVersions lastUpgradeFrom() {
        return Transactions.requiresNew(transactions).execute(tx -> requests.findFirstByStatusOrderByFinishedAtDesc(RequestStatus.SUCCEEDED)
                .map(last -> new StackVersions(Version.parse(last.fromBackend), Version.parse(last.fromFrontend))).orElse(null));
    }

    private static ContainerFacts running(String component, ComponentReading<ContainerFacts> facts) {
        if (facts.facts() == null) {
            throw new IllegalStateException("The " + component + " cannot be read: " + facts.error());
        }
        return facts.facts();
    }

    private static Version pinned(String component, ContainerFacts container) {
        if (container.version() == null) {
            throw new IllegalStateException("The " + component + " runs " + container.image()
                    + ", a floating tag: pin it to a version before planning an upgrade.");
        }
        return Version.parse(container.version());
    }

    private static void versions(List<String> tags, Set<Version> into) {
        for (String tag : tags) {
            ImageReference.parse("x:" + tag).version().ifPresent(into::add);
        }
    }
}
