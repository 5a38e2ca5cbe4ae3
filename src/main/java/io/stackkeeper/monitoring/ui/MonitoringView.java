package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.ProbeComponent;
import io.stackkeeper.monitoring.ProbeState;
import io.stackkeeper.monitoring.ProbeView;
import io.stackkeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Monitoring: a summary of states, a filter, and one card per component with a tile per probe; refreshed every five
 * seconds while open. Everyone signed in sees it; the ops team adds probes and checks them now.
 */
@Route(value = "monitoring", layout = MainLayout.class)
@PageTitle("Monitoring")
@Menu(title = "Monitoring", order = 15, icon = "vaadin:heart-o")
@PermitAll
public class MonitoringView extends VerticalLayout {

    private static final int REFRESH_MILLIS = 5000;

    private final MonitoringService monitoring;
    private final boolean operator;
    private final Span summary = new Span();
    private final Select<String> filter = new Select<>();
    private final Div groups = new Div();
    private final AlertsCard alerts;
    private Registration polling;

    public MonitoringView(MonitoringService monitoring, AuthenticationContext authentication) {
        this.monitoring = monitoring;
        this.operator = authentication.hasAnyRole(Roles.OPERATOR, Roles.ADMIN);
        addClassNames("sk-page", "sk-monitoring");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        summary.setId("monitoring-summary");
        summary.addClassName("sk-big");
        filter.setLabel("Show");
        filter.setItems("All", "Failing", "OK", "WARNING", "CRITICAL", "UNKNOWN");
        filter.setValue("All");
        filter.setId("state-filter");
        filter.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(summary, filter);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        bar.setWidthFull();
        if (operator) {
            Button add = new Button("New probe", VaadinIcon.PLUS.create(), e -> ProbeDialog.open(monitoring, null, this::refresh));
            add.setId("new-probe");
            bar.add(add);
        }
        groups.addClassName("sk-probe-groups");
        alerts = new AlertsCard(monitoring, operator, this::refresh);
        add(bar, alerts, groups);
        if (operator) {
            add(new NotifiersCard(monitoring, authentication.hasRole(Roles.ADMIN)));
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        polling.remove();
        detach.getUI().setPollInterval(-1);
    }

    private void refresh() {
        alerts.refresh();
        List<ProbeView> probes = monitoring.probes();
        Map<ProbeState, Long> counts = probes.stream().filter(p -> !p.paused())
                .collect(Collectors.groupingBy(ProbeView::state, () -> new EnumMap<>(ProbeState.class), Collectors.counting()));
        summary.setText(probes.isEmpty() ? "No probe yet: configure the stack, or add one."
                : counts.getOrDefault(ProbeState.OK, 0L) + " OK · " + counts.getOrDefault(ProbeState.WARNING, 0L) + " warning · "
                        + counts.getOrDefault(ProbeState.CRITICAL, 0L) + " critical · " + counts.getOrDefault(ProbeState.UNKNOWN, 0L)
                        + " unknown");
        Map<Long, Double> uptimes = monitoring.dayUptimes();
        groups.removeAll();
        Predicate<ProbeView> shown = shown(filter.getValue());
        Map<ProbeComponent, List<ProbeView>> byComponent = probes.stream().filter(shown)
                .collect(Collectors.groupingBy(ProbeView::component, () -> new EnumMap<>(ProbeComponent.class), Collectors.toList()));
        byComponent.forEach((component, members) -> {
            Div tiles = new Div();
            tiles.addClassName("sk-probe-tiles");
            members.forEach(p -> tiles.add(new ProbeTile(p, monitoring.recentRuns(p.id()), uptimes.get(p.id()), operator, monitoring,
                    this::refresh)));
            Card card = new Card(component.label(), tiles);
            card.addClassName("sk-card-wide");
            card.setId("component-" + component.name().toLowerCase());
            groups.add(card);
        });
        if (byComponent.isEmpty() && !probes.isEmpty()) {
            groups.add(Card.hint("No probe matches this filter."));
        }
    }

    private static Predicate<ProbeView> shown(String filter) {
        return switch (filter) {
            case "Failing" -> p -> p.state().failing() && !p.paused();
            case "OK", "WARNING", "CRITICAL", "UNKNOWN" -> p -> p.state().name().equals(filter);
            default -> p -> true;
        };
    }
}
