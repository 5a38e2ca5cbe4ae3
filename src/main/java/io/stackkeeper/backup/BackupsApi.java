package io.stackkeeper.backup;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.ResponseEntity;
import java.net.URI;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/backups}: start a backup, read the history, verify a set, run a restore drill, import a set from a
 * folder and restore a set (both ADMIN, both answering 202 with what to poll).
 */
@RestController
@RequestMapping("/api/v1/backups")
class BackupsApi {

    record StartRequest(String plan) {
    }

    record Started(String id, RunStatus status) {
    }

    record ImportRequest(String folder) {
    }

    record RestoreRequest(String confirm) {
    }

    record DeleteRequest(String confirm) {
    }

    record Page(List<BackupRunRecord> items, long total) {
    }

    record Details(@JsonUnwrapped BackupRunRecord run, List<DumpedCollection> collections) {
    }

    private final BackupService backups;

    BackupsApi(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started start(@RequestBody StartRequest request) {
        BackupRunRecord run = backups.backUp(request.plan(), BackupReason.API);
        return new Started(run.id(), run.status());
    }

    @GetMapping
    Page list(@RequestParam(required = false) String plan, @RequestParam(required = false) RunStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("Use page >= 0 and size from 1 to 500.");
        }
        RunQuery query = new RunQuery(plan, status, null, null, null);
        return new Page(backups.runs(query, (long) page * size, size), backups.countRuns(query));
    }

    @GetMapping("/{id}")
    Details get(@PathVariable String id) {
        BackupRunRecord run = backups.run(id).orElseThrow(() -> new NoSuchElementException("There is no backup " + id + "."));
        return new Details(run, backups.manifest(id).map(Manifest::collections).orElse(List.of()));
    }

    @PostMapping("/{id}/verify")
    BackupRunRecord verify(@PathVariable String id) {
        return backups.verify(id);
    }

    @PostMapping("/{id}/drill")
    BackupRunRecord drill(@PathVariable String id) {
        return backups.drill(id);
    }

    @PostMapping("/import")
    ResponseEntity<Started> importSet(@RequestBody ImportRequest request) {
        BackupRunRecord run = backups.startImport(request.folder());
        return ResponseEntity.accepted().location(URI.create("/api/v1/backups/" + run.id())).body(new Started(run.id(), run.status()));
    }

    @PostMapping("/{id}/restore")
    ResponseEntity<RestoreRecord> restore(@PathVariable String id, @RequestBody RestoreRequest request) {
        RestoreRecord restore = backups.startRestore(id, request.confirm());
        return ResponseEntity.accepted().location(URI.create("/api/v1/restores/" + restore.id())).body(restore);
    }

    /** Deletes a set for good: {@code {"confirm": "<the set's id>"}}. */
    @DeleteMapping("/{id}")
    BackupRunRecord delete(@PathVariable String id, @RequestBody DeleteRequest request) {
        return backups.deleteSet(id, request.confirm());
    }
}
