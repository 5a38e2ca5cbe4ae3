package io.stackkeeper.backup;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/backup-plans}: plans for provisioning by script, with the page's rules (OPERATOR and ADMIN change
 * them, everyone reads them; refused fields answer 400 with {@code fieldErrors}).
 */
@RestController
@RequestMapping("/api/v1/backup-plans")
class BackupPlansApi {

    private final BackupService backups;

    BackupPlansApi(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping
    List<SavedBackupPlan> list() {
        return backups.plans();
    }

    @GetMapping("/{name}")
    SavedBackupPlan get(@PathVariable String name) {
        return backups.plan(name).orElseThrow(() -> new NoSuchElementException("There is no plan named '" + name + "'."));
    }

    /** A plan as a script sends it; left out, {@code enabled} is true and the compression level 3. */
    record PlanBody(String cron, String target, Contents contents, Boolean includeSystemDatabases, Integer compressionLevel,
            RetentionPolicy retention, String verifyCron, Boolean enabled, Boolean confirmDeletion) {
    }

    /** Creates the plan (201) or replaces its settings (200); the name is the path's. */
    @PutMapping("/{name}")
    ResponseEntity<SavedBackupPlan> put(@PathVariable String name, @RequestBody PlanBody body) {
        Long id = backups.plan(name).map(SavedBackupPlan::id).orElse(null);
        BackupPlanSettings named = new BackupPlanSettings(name, body.cron(), body.target(), body.contents(),
                Boolean.TRUE.equals(body.includeSystemDatabases()), body.compressionLevel() == null ? 3 : body.compressionLevel(),
                body.retention(), body.verifyCron(), body.enabled() == null || body.enabled());
        SavedBackupPlan saved = backups.savePlan(id, named, Boolean.TRUE.equals(body.confirmDeletion()));
        return ResponseEntity.status(id == null ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        backups.deletePlan(name);
    }
}
