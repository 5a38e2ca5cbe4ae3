package io.stackkeeper.backup;

import io.stackkeeper.stack.StackService;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Proves a set: its checksums against the manifest (verify), and a restore into scratch databases (drill). */
@Component
record SetChecks(BackupHistory history, BackupRunner runner, ProgressBoard board, StackService stack,
        BackupProperties properties, ApplicationEventPublisher events) {

    BackupRunRecord verify(String id) {
        BackupRunRecord run = history.restorable(id);
        List<String> problems = BackupSetWriter.verify(Path.of(run.location()));
        runner.recordVerify(id, problems);
        events.publishEvent(new BackupEvents.BackupVerified(id, problems));
        return history.find(id).orElseThrow();
    }

    BackupRunRecord drill(String id) {
        BackupRunRecord run = history.restorable(id);
        RestoreDrill.Result result;
        try (var claim = stack.claim("the restore drill of " + id, false); var mongo = stack.openMongo()) {
            ProgressBoard.Reporter progress = board.start(id, run.plan(), "restore drill", 0);
            List<DumpedCollection> recorded = history.manifest(id).map(Manifest::collections).orElse(List.of());
            result = new RestoreDrill(mongo, properties.restoreBatchSize()).run(Path.of(run.location()), recorded, progress::advanced);
            progress.finished(result.ok() ? null : result.report());
        }
        runner.recordDrill(id, result);
        events.publishEvent(new BackupEvents.RestoreDrilled(id, result.ok(), result.millis(), result.report()));
        return history.find(id).orElseThrow();
    }
}
