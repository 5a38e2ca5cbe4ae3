package io.stackkeeper.backup;

import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.base.Transactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a set found in a folder to the history by its manifest alone (a new portal on a new host). The folder and its
 * manifest come from outside: the manifest is read with a bound, its set ID must look like one of ours, and every
 * file it names is checked inside the folder (never through a link) before the set is restorable.
 */
@Component
class SetImport {

    private static final Pattern SET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final BackupRunRepository runs;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PortalInstances instances;

    SetImport(BackupRunRepository runs, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock,
            PortalInstances instances) {
        this.instances = instances;
        this.runs = runs;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** A set whose manifest was read and whose run is recorded as RUNNING until its files are checked. */
    record Pending(Path folder, Manifest manifest, String runId) {
    }

    /** Reads the folder's manifest and records the import as a RUNNING run; refuses what is not a set of ours. */
    Pending begin(String folder, String actor) {
        Path set = folder(folder);
        Manifest manifest;
        try {
            manifest = BackupSetWriter.readManifest(set);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("There is no " + BackupSetWriter.MANIFEST + " in " + set + ".");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The manifest in " + set + " cannot be read: " + e.getMessage());
        }
        if (manifest.setId() == null || !SET_ID.matcher(manifest.setId()).matches()) {
            throw new IllegalArgumentException("The manifest's set ID is not one a portal writes.");
        }
        if (manifest.plan() == null || manifest.plan().isBlank() || manifest.plan().length() > 64 || manifest.files() == null
                || manifest.collections() == null || manifest.startedAt() == null) {
            throw new IllegalArgumentException("The manifest in " + set + " lacks its plan, times, files or collections.");
        }
        return ownTransaction.execute(status -> {
            runs.findById(manifest.setId()).ifPresent(earlier -> {
                if (!(earlier.imported && earlier.status == RunStatus.FAILED)) {
                    throw new IllegalStateException("Backup " + manifest.setId() + " is already in the history.");
                }
                runs.delete(earlier);
                runs.flush();
            });
            BackupRun run = new BackupRun();
            run.id = manifest.setId();
            run.planName = manifest.plan();
            run.trigger = BackupReason.IMPORT;
            run.actor = actor;
            run.status = RunStatus.RUNNING;
            run.startedAt = manifest.startedAt();
            run.imported = true;
            run.portalInstance = instances.mine();
            runs.save(run);
            return new Pending(set, manifest, run.id);
        });
    }

    /** Checks every file against the manifest; the run SUCCEEDS (restorable) only when all match. */
    BackupRunRecord finish(Pending pending) {
        List<String> problems;
        try {
            problems = SetCheck.problems(pending.folder(), pending.manifest());
        } catch (RuntimeException e) {
            problems = List.of("the set could not be checked: " + BackupRunner.describe(e));
        }
        List<String> found = problems;
        BackupRunRecord done = ownTransaction.execute(status -> {
            BackupRun run = runs.findById(pending.runId()).orElseThrow();
            if (found.isEmpty()) {
                run.status = RunStatus.SUCCEEDED;
                run.finishedAt = pending.manifest().finishedAt();
                run.recordSet(pending.manifest(), pending.folder().toString());
                run.verifiedAt = clock.instant();
            } else {
                run.status = RunStatus.FAILED;
                run.finishedAt = clock.instant();
                run.error = BackupRun.truncate("The set in " + pending.folder() + " does not match its manifest: "
                        + String.join("; ", found), 4000);
            }
            return runs.save(run).record();
        });
        if (found.isEmpty()) {
            events.publishEvent(new BackupEvents.SetImported(done.id(), done.location()));
        }
        return done;
    }

    private static Path folder(String folder) {
        try {
            Path set = Path.of(folder == null ? "" : folder.strip());
            if (!set.isAbsolute() || folder.length() > 1000) {
                throw new IllegalArgumentException("Give the set's folder as an absolute path of at most 1000 characters.");
            }
            set = set.normalize();
            if (!Files.isDirectory(set, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(set + " is not a folder (links are not followed).");
            }
            return set;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Not a valid path: " + e.getReason() + ".");
        }
    }
}
