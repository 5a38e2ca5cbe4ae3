package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DashboardCard;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.ProbeState;
import io.stackkeeper.monitoring.ProbeView;
import java.util.List;
import java.util.Optional;

/** Dashboard card: the stack's overall state at a glance, and the probes that fail. */
@org.springframework.stereotype.Component
class MonitoringCard implements DashboardCard {

    private final MonitoringService monitoring;

    MonitoringCard(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> render() {
        List<ProbeView> probes = monitoring.probes().stream().filter(p -> !p.paused()).toList();
        List<ProbeView> failing = probes.stream().filter(p -> p.alerting().failing()).toList();
        ProbeState overall = failing.stream().map(ProbeView::alerting).reduce(ProbeState.OK,
                (a, b) -> a == ProbeState.CRITICAL || b == ProbeState.CRITICAL ? ProbeState.CRITICAL
                        : a == ProbeState.WARNING || b == ProbeState.WARNING ? ProbeState.WARNING : b);
        Span state = StateBadge.of(overall);
        state.addClassName("sk-big");
        Span counts = new Span(probes.size() + " probes, " + failing.size() + " failing");
        Div list = new Div();
        failing.stream().limit(6).forEach(p -> {
            Div row = new Div(StateBadge.of(p.alerting()), new RouterLink(p.name(), ProbePage.class, p.id()), Card.hint(" " + p.message()));
            row.addClassName("sk-probe-head");
            list.add(row);
        });
        Card card = new Card("Stack health", state, counts, list, new RouterLink("Open monitoring", MonitoringView.class));
        card.setId("stack-health");
        return Optional.of(card);
    }
}
