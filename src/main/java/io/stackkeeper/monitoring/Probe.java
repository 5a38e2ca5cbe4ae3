package io.stackkeeper.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A probe as stored. {@code managed} probes are the ones made from the stack settings; they follow them. */
@Entity
@Table(name = "probe")
class Probe {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @Enumerated(EnumType.STRING)
    ProbeComponent component;

    @Enumerated(EnumType.STRING)
    ProbeKind kind;

    String target;

    @Convert(converter = ProbeOptionsJson.class)
    ProbeOptions options;

    @Column(name = "interval_seconds")
    int intervalSeconds;

    @Column(name = "failing_interval_seconds")
    int failingIntervalSeconds;

    @Column(name = "timeout_millis")
    int timeoutMillis;

    @Column(name = "warning_range")
    String warning;

    @Column(name = "critical_range")
    String critical;

    @Column(name = "alert_after")
    int alertAfter;

    @Column(name = "recover_after")
    int recoverAfter;

    boolean paused;

    boolean managed;

    @Column(name = "updated_by")
    String updatedBy;

    @Column(name = "updated_at")
    Instant updatedAt;

    ProbeSettings settings() {
        return new ProbeSettings(name, component, kind, target, options, intervalSeconds, failingIntervalSeconds, timeoutMillis,
                warning, critical, alertAfter, recoverAfter, paused);
    }

    void apply(ProbeSettings s) {
        name = s.name().strip();
        component = s.component();
        kind = s.kind();
        target = s.target() == null || s.target().isBlank() ? null : s.target().strip();
        options = s.options();
        intervalSeconds = s.intervalSeconds();
        failingIntervalSeconds = s.failingIntervalSeconds();
        timeoutMillis = s.timeoutMillis();
        warning = s.warning() == null || s.warning().isBlank() ? null : s.warning().strip();
        critical = s.critical() == null || s.critical().isBlank() ? null : s.critical().strip();
        alertAfter = s.alertAfter();
        recoverAfter = s.recoverAfter();
        paused = s.paused();
    }

    /** What the scheduler and the checks need, detached from the persistence context. */
    ProbeDefinition definition() {
        return new ProbeDefinition(id, settings(), Thresholds.of(warning, critical));
    }
}
