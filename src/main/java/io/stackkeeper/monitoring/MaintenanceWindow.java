package io.stackkeeper.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A span in which probes of some components run and record but notify nobody; open-ended while its work runs. */
@Entity
@Table(name = "maintenance_window")
class MaintenanceWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String components;

    @Column(name = "starts_at")
    Instant startsAt;

    @Column(name = "ends_at")
    Instant endsAt;

    String reason;

    @Column(name = "created_by")
    String createdBy;

    boolean automatic;

    Set<ProbeComponent> componentSet() {
        return Arrays.stream(components.split(",")).filter(s -> !s.isBlank()).map(ProbeComponent::valueOf).collect(Collectors.toSet());
    }

    boolean covers(ProbeComponent component, Instant at) {
        return !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt)) && componentSet().contains(component);
    }

    MaintenanceView view() {
        return new MaintenanceView(id, componentSet(), startsAt, endsAt, reason, createdBy, automatic);
    }
}
