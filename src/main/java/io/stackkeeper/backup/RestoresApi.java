package io.stackkeeper.backup;

import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/restores/{id}}: a restore started through the API, as far as it got (poll until it ends). */
@RestController
class RestoresApi {

    private final BackupService backups;

    RestoresApi(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping("/api/v1/restores/{id}")
    RestoreRecord get(@PathVariable String id) {
        return backups.restoreRun(id).orElseThrow(() -> new NoSuchElementException("There is no restore " + id + "."));
    }
}
