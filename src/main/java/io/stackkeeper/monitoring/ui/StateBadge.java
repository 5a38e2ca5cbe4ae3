package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.html.Span;
import io.stackkeeper.monitoring.ProbeState;
import io.stackkeeper.monitoring.ProbeView;

/** A probe state as a coloured badge: green OK, amber WARNING, red CRITICAL, grey UNKNOWN. */
final class StateBadge {

    private StateBadge() {
    }

    /** The probe's state, or a grey PENDING before its first run (UNKNOWN would claim it could not run). */
    static Span of(ProbeView probe) {
        if (probe.checkedAt() != null) {
            return of(probe.state());
        }
        Span badge = new Span("PENDING");
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("sk-state-pending");
        return badge;
    }

    static Span of(ProbeState state) {
        Span badge = new Span(state.name());
        badge.getElement().getThemeList().add(switch (state) {
            case OK -> "badge success";
            case WARNING -> "badge contrast";
            case CRITICAL -> "badge error primary";
            case UNKNOWN -> "badge";
        });
        badge.addClassName("sk-state-" + state.name().toLowerCase());
        return badge;
    }
}
