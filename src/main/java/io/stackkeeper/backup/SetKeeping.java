package io.stackkeeper.backup;

import io.stackkeeper.base.Transactions;
import io.stackkeeper.stack.StackService;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Which sets stay: pinning against retention, and the explicit deletion of a set's files. */
@Component
record SetKeeping(BackupRunRepository runs, BackupPlanRepository plans, BackupHistory history,
        DeletionGuard deletionGuard, StackService stack, BackupProperties properties, ApplicationEventPublisher events,
        Clock clock, PlatformTransactionManager transactions) {

    BackupRunRecord pin(String id, boolean pinned, boolean confirmDeletion) {
        BackupRun run = runs.findById(id).orElseThrow(() -> new NoSuchElementException("There is no backup " + id + "."));
        if (!pinned) {
            deletionGuard.checkUnpin(run, plans.findByName(run.planName).orElse(null), confirmDeletion);
        }
        run.pinned = pinned;
        runs.save(run);
        events.publishEvent(new BackupEvents.SetPinned(id, pinned));
        return run.record();
    }

    BackupRunRecord delete(String id, String typedId) {
        BackupRunRecord set = history.restorable(id);
        if (typedId == null || !id.equals(typedId.strip())) {
            throw new IllegalArgumentException("Type the set's id, " + id + ", to confirm the deletion.");
        }
        if (set.pinned()) {
            throw new IllegalStateException("Set " + id + " is pinned: unpin it first.");
        }
        Instant linkLimit = clock.instant().minus(properties.linkProtection());
        if (runs.findById(id).map(run -> run.linkedAt != null && run.linkedAt.isAfter(linkLimit)).orElse(false)) {
            throw new IllegalStateException("Set " + id + " is linked to " + set.linkedTo() + " and kept until " + linkLimit + " has passed.");
        }
        Path folder = Path.of(set.location());
        if (!Files.isRegularFile(folder.resolve(BackupSetWriter.MANIFEST), LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(folder)) {
            throw new IllegalStateException(folder + " does not hold the set's manifest.json (or is a link): nothing is deleted.");
        }
        try (var claim = stack.claim("the deletion of set " + id, true)) {
            if (!BackupSetWriter.delete(folder)) {
                throw new IllegalStateException("Not everything in " + folder + " could be deleted; the set stays listed.");
            }
            Transactions.requiresNew(transactions).executeWithoutResult(status -> runs.findById(id).ifPresent(run -> {
                run.removedAt = clock.instant();
                runs.save(run);
            }));
        }
        events.publishEvent(new BackupEvents.SetDeleted(id, folder.toString()));
        return history.find(id).orElseThrow();
    }
}
