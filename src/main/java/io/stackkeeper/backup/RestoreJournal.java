package io.stackkeeper.backup;

import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.base.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves each restore as it goes, every change in a transaction of its own that commits at once, so that what a
 * restore changed is known even after a kill.
 */
@Component
class RestoreJournal {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_TEXT = 4000;

    private final RestoreRunRepository restores;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final PortalInstances instances;

    RestoreJournal(RestoreRunRepository restores, PlatformTransactionManager transactions, Clock clock, PortalInstances instances) {
        this.restores = restores;
        this.instances = instances;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.clock = clock;
    }

    /** Records a new restore of {@code setId}, RUNNING before its first step. */
    RestoreRecord begin(String setId, String actor) {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        RestoreRun run = new RestoreRun();
        run.id = "restore-" + ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
        run.setId = setId;
        run.actor = actor;
        run.portalInstance = instances.mine();
        run.status = RestoreRecord.Status.RUNNING;
        run.startedAt = clock.instant();
        run.stepState = RestoreStep.State.PENDING;
        return ownTransaction.execute(status -> restores.save(run).record());
    }

    void step(String id, RestoreStep step) {
        update(id, run -> {
            run.step = step.number();
            run.stepState = step.state();
            run.message = BackupRun.truncate(step.message(), MAX_TEXT);
        });
    }

    /** Records what the restore has changed so far (the backend stopped, folders staged, kept or swapped). */
    void update(String id, Consumer<RestoreRun> change) {
        ownTransaction.executeWithoutResult(status -> restores.findById(id).ifPresent(run -> {
            change.accept(run);
            restores.save(run);
        }));
    }

    void finish(String id, RestoreOutcome outcome) {
        update(id, run -> {
            run.status = outcome.ok() ? RestoreRecord.Status.SUCCEEDED : RestoreRecord.Status.FAILED;
            run.finishedAt = clock.instant();
            run.outcome = BackupRun.truncate(outcome.message(), MAX_TEXT);
            run.safetySetId = outcome.safetySetId();
            run.keptFolder = outcome.keptStorageFolder();
        });
    }

    Optional<RestoreRecord> find(String id) {
        return restores.findById(id).map(RestoreRun::record);
    }

    /**
     * Marks every restore that was running when the portal stopped as INTERRUPTED at its step, and answers them as
     * they were, for the repairs that need the stack.
     */
    List<RestoreRun> markInterrupted() {
        return ownTransaction.execute(status -> restores.findByStatus(RestoreRecord.Status.RUNNING).stream()
                .filter(run -> !instances.another(run.portalInstance)).peek(run -> {
            run.status = RestoreRecord.Status.INTERRUPTED;
            run.finishedAt = clock.instant();
            String title = run.record().stepTitle();
            run.outcome = "Interrupted by a stop of the portal at step " + run.step + (title == null ? "" : " (" + title + ")") + ".";
            restores.save(run);
        }).toList());
    }
}
