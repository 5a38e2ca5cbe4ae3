package io.stackkeeper.backup;

import io.stackkeeper.security.Roles;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The backup feature's one public service. */
@Service
public class BackupService {

    /** Which of these set times a policy would keep (and why) or remove; touches nothing. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public RetentionDecision previewRetention(RetentionPolicy policy, List<Instant> setTimes) {
        if (policy == null) {
            throw new IllegalArgumentException("Send a 'policy'.");
        }
        return Retention.apply(policy, setTimes == null ? List.of() : setTimes);
    }
}
