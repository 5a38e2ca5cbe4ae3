package io.stackkeeper.backup;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/backup-targets}: the folders plan targets must be under (everyone reads, an ADMIN replaces the added ones). */
@RestController
class TargetFoldersApi {

    record Allowed(List<String> added) {
    }

    private final BackupService backups;

    TargetFoldersApi(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping("/api/v1/backup-targets")
    TargetFolders get() {
        return backups.targetFolders();
    }

    @PutMapping("/api/v1/backup-targets")
    TargetFolders put(@RequestBody Allowed allowed) {
        return backups.allowTargetFolders(allowed.added());
    }
}
