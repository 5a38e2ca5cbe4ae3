package io.stackkeeper.logs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An ADMIN's switch: whether one part's logs are kept, who set it and when. */
@Entity
@Table(name = "log_keeping")
class KeepingSwitch {

    @Id
    String part;

    boolean kept;

    @Column(name = "changed_by")
    String changedBy;

    @Column(name = "changed_at")
    Instant changedAt;

    protected KeepingSwitch() {
    }

    KeepingSwitch(String part, boolean kept, String changedBy, Instant changedAt) {
        this.part = part;
        this.kept = kept;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }
}
