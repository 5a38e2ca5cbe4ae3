package io.stackkeeper.backup;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/retention/preview}: what a policy would keep and remove among the given set times. */
@RestController
class RetentionApi {

    record PreviewRequest(RetentionPolicy policy, List<Instant> backups) {
    }

    private final BackupService backups;

    RetentionApi(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/retention/preview")
    RetentionDecision preview(@RequestBody PreviewRequest request) {
        return backups.previewRetention(request.policy(), request.backups());
    }
}
