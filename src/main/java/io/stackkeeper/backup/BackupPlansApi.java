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

    /** Creates the plan (201) or replaces its settings (200); the name in the path wins over one in the body. */
    @PutMapping("/{name}")
    ResponseEntity<SavedBackupPlan> put(@PathVariable String name, @RequestBody BackupPlanSettings settings) {
        Long id = backups.plan(name).map(SavedBackupPlan::id).orElse(null);
        BackupPlanSettings named = new BackupPlanSettings(name, settings.cron(), settings.target(), settings.contents(),
                settings.includeSystemDatabases(), settings.compressionLevel(), settings.retention(), settings.verifyCron(), settings.enabled());
        SavedBackupPlan saved = backups.savePlan(id, named);
        return ResponseEntity.status(id == null ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        backups.deletePlan(name);
    }
}
