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
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where alerts go: an email address or a webhook, for some components and states. */
@Entity
@Table(name = "notifier")
class Notifier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @Enumerated(EnumType.STRING)
    NotifierKind kind;

    String target;

    String components;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_state")
    ProbeState minState;

    @Column(name = "stack_events")
    boolean stackEvents;

    boolean enabled;

    @Column(name = "updated_by")
    String updatedBy;

    @Column(name = "updated_at")
    Instant updatedAt;

    NotifierSettings settings() {
        return new NotifierSettings(name, kind, target, Arrays.stream(components.split(",")).filter(s -> !s.isBlank())
                .map(ProbeComponent::valueOf).collect(Collectors.toSet()), minState, stackEvents, enabled);
    }

    void apply(NotifierSettings s) {
        name = s.name().strip();
        kind = s.kind();
        target = s.target().strip();
        components = s.components().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        minState = s.minState();
        stackEvents = s.stackEvents();
        enabled = s.enabled();
    }

    /** Whether an alert of this component and state goes to this notifier. */
    boolean receives(ProbeComponent component, ProbeState state) {
        boolean severe = minState != ProbeState.CRITICAL || state == ProbeState.CRITICAL || state == ProbeState.OK;
        return enabled && severe && (components.isBlank() || settings().components().contains(component));
    }
}
