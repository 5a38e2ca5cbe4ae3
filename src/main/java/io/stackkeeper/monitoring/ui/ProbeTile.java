package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.ProbeOutcome;
import io.stackkeeper.monitoring.ProbeView;
import java.util.List;

/** One probe on the monitoring page: state, name, message, heartbeat of the last runs, latency and the day's uptime. */
class ProbeTile extends Div {

    ProbeTile(ProbeView probe, List<ProbeOutcome> recent, Double dayUptime, boolean operator, MonitoringService monitoring,
            Runnable changed) {
        addClassNames("sk-probe", "sk-probe-" + (probe.checkedAt() == null ? "pending" : probe.state().name().toLowerCase()));
        setId("probe-" + probe.id());
        RouterLink name = new RouterLink(probe.name(), ProbePage.class, probe.id());
        name.addClassName("sk-probe-name");
        Div head = new Div(StateBadge.of(probe), name);
        head.addClassName("sk-probe-head");
        if (probe.flapping()) {
            Span flapping = new Span("flapping");
            flapping.getElement().getThemeList().add("badge contrast");
            head.add(flapping);
        }
        if (probe.paused()) {
            Span paused = new Span("paused");
            paused.getElement().getThemeList().add("badge");
            head.add(paused);
        }
        Span message = new Span(probe.message());
        message.addClassName("sk-probe-message");
        Div pictures = new Div(new Svg(ProbeCharts.heartbeat(recent, 50)), new Svg(ProbeCharts.sparkline(recent)));
        pictures.addClassName("sk-probe-pictures");
        Span numbers = new Span(probe.latencyMillis() + " ms · 24 h uptime " + (dayUptime == null ? "–" : dayUptime + " %"));
        numbers.addClassName("sk-hint");
        add(head, message, pictures, numbers);
        if (operator && !probe.paused()) {
            Button check = new Button("Check now", VaadinIcon.REFRESH.create(), e -> {
                monitoring.checkNow(probe.id());
                changed.run();
            });
            check.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            check.setId("check-" + probe.id());
            add(check);
        }
    }
}
