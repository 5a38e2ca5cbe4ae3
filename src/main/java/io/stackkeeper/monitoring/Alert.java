package io.stackkeeper.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An alert of one probe, open until it recovers; folded into another when a component it needs is down. */
@Entity
@Table(name = "alert")
class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "probe_id")
    long probeId;

    @Enumerated(EnumType.STRING)
    ProbeComponent component;

    @Enumerated(EnumType.STRING)
    ProbeState state;

    String message;

    @Column(name = "opened_at")
    Instant openedAt;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "folded_into")
    Long foldedInto;

    boolean flapping;

    @Column(name = "notified_at")
    Instant notifiedAt;

    @Column(name = "in_maintenance")
    boolean inMaintenance;

    AlertView view(String probe, String rootCause) {
        return new AlertView(id, probeId, probe, component, state, message, openedAt, closedAt, foldedInto, rootCause, flapping, inMaintenance);
    }
}
