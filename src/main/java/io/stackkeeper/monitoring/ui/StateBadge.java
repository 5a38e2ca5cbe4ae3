package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.html.Span;
import io.stackkeeper.monitoring.ProbeState;

/** A probe state as a coloured badge: green OK, amber WARNING, red CRITICAL, grey UNKNOWN. */
final class StateBadge {

    private StateBadge() {
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
