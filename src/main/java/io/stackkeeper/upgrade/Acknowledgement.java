package io.stackkeeper.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A breaking change someone read and acknowledged for a request, with who and when. */
@Embeddable
public record Acknowledgement(@Column(name = "change_id") String changeId, @Column(name = "acknowledged_by") String acknowledgedBy,
        @Column(name = "acknowledged_at") Instant acknowledgedAt) {
}
