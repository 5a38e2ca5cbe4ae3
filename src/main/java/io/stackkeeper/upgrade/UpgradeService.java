package io.stackkeeper.upgrade;

import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.BackupSpace;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.ImageReference;
import io.stackkeeper.stack.MongoFacts;
import io.stackkeeper.stack.ReleaseTags;
import io.stackkeeper.stack.StackFacts;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The upgrade feature's one public service: the release catalog and upgrade plans for the configured stack. */
@Service
public class UpgradeService {

    private final StackService stack;
    private final BackupService backups;
    private final ReleaseCatalog catalog = CatalogParser.shipped();

    UpgradeService(StackService stack, BackupService backups) {
        this.stack = stack;
        this.backups = backups;
    }

    /** The release catalog in use. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public ReleaseCatalog catalog() {
        return catalog;
    }

    /**
     * The steps from the stack's current versions to these target tags, with the breaking changes each crosses and
     * its precondition checks. Floating, unknown or unchanged targets are refused with a {@link PlanRefusedException}.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public UpgradePlan plan(String backendTag, String frontendTag) {
        if (backendTag == null || backendTag.isBlank() || frontendTag == null || frontendTag.isBlank()) {
            throw new PlanRefusedException("Name both targets, e.g. backend=90.0.0&frontend=90.0.0.");
        }
        return new UpgradePlanner(catalog).plan(backendTag, frontendTag, facts());
    }

    /** The running versions and the newer pinned ones available, for the planner's choices and the dashboard. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public NewerVersions newerVersions() {
        UpgradeFacts facts = facts();
        List<Version> newer = facts.available().stream().filter(v -> v.compareTo(facts.current().backend()) > 0).sorted().toList();
        return new NewerVersions(facts.current(), newer,
                newer.isEmpty() ? List.of() : catalog.crossedBetween(facts.current().backend(), newer.get(newer.size() - 1)));
    }

    private UpgradeFacts facts() {
        CompletableFuture<StackFacts<ContainerFacts>> backend = stack.backend();
        CompletableFuture<StackFacts<ContainerFacts>> frontend = stack.frontend();
        CompletableFuture<StackFacts<MongoFacts>> mongo = stack.mongo();
        CompletableFuture<StackFacts<ReleaseTags>> tags = stack.releaseTags();
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
                null, available);
    }

    private static ContainerFacts running(String component, StackFacts<ContainerFacts> facts) {
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
