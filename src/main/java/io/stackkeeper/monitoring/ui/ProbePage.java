package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.monitoring.AlertView;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.NagiosRange;
import io.stackkeeper.monitoring.NotificationView;
import io.stackkeeper.monitoring.ProbeSettings;
import io.stackkeeper.monitoring.ProbeView;
import io.stackkeeper.monitoring.ResultPoint;
import io.stackkeeper.monitoring.Uptime;
import io.stackkeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One probe: its state and settings, uptime over a day to a year, and its chart over a chosen range with thresholds. */
@Route(value = "monitoring/probe", layout = MainLayout.class)
@PageTitle("Probe")
@PermitAll
public class ProbePage extends VerticalLayout implements HasUrlParameter<Long> {

    private static final Map<String, Duration> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("Last hour", Duration.ofHours(1));
        RANGES.put("Last 24 hours", Duration.ofDays(1));
        RANGES.put("Last 7 days", Duration.ofDays(7));
        RANGES.put("Last 30 days", Duration.ofDays(30));
        RANGES.put("Last 365 days", Duration.ofDays(365));
    }

    private final MonitoringService monitoring;
    private final boolean operator;
    private final Div head = new Div();
    private final Div chart = new Div();
    private final Select<String> range = new Select<>();
    private long id;

    public ProbePage(MonitoringService monitoring, AuthenticationContext authentication) {
        this.monitoring = monitoring;
        this.operator = authentication.hasAnyRole(Roles.OPERATOR, Roles.ADMIN);
        addClassNames("sk-page", "sk-monitoring");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        range.setLabel("Range");
        range.setItems(RANGES.keySet());
        range.setValue("Last hour");
        range.setId("chart-range");
        range.setWidth("12rem");
        range.addValueChangeListener(e -> drawChart());
        chart.setId("probe-chart");
        Card chartCard = new Card("Results", range, chart);
        chartCard.addClassName("sk-card-wide");
        add(head, chartCard);
    }

    @Override
    public void setParameter(BeforeEvent event, Long probeId) {
        this.id = probeId;
        show();
    }

    private void show() {
        ProbeView probe = monitoring.probe(id);
        ProbeSettings s = probe.settings();
        head.removeAll();
        H2 title = new H2(probe.name());
        HorizontalLayout line = new HorizontalLayout(StateBadge.of(probe), title);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        Span message = new Span(probe.message());
        message.setId("probe-message");
        Uptime uptime = monitoring.uptime(id);
        Div facts = new Div();
        facts.addClassName("sk-facts");
        fact(facts, "Watches", probe.component().label() + " · " + probe.kind() + (probe.target() == null ? "" : " " + probe.target()));
        fact(facts, "Runs", "every " + s.intervalSeconds() + " s, every " + s.failingIntervalSeconds() + " s while failing, timeout "
                + s.timeoutMillis() + " ms");
        fact(facts, "Thresholds", "warning " + blank(s.warning()) + ", critical " + blank(s.critical()));
        fact(facts, "Alerts", "after " + s.alertAfter() + " failures in a row, recover after " + s.recoverAfter() + " successes; alerting state "
                + probe.alerting() + (probe.flapping() ? ", flapping" : ""));
        fact(facts, "Last run", probe.checkedAt() == null ? "not yet" : DateTimes.SECONDS.format(probe.checkedAt()) + " (" + probe.latencyMillis()
                + " ms)");
        fact(facts, "State since", probe.changedAt() == null ? "–" : DateTimes.SECONDS.format(probe.changedAt()));
        fact(facts, "Uptime", percent(uptime.day()) + " 24 h · " + percent(uptime.week()) + " 7 d · " + percent(uptime.month()) + " 30 d · "
                + percent(uptime.year()) + " 365 d");
        Div alerts = new Div();
        alerts.setId("probe-alerts");
        monitoring.alertsOf(id).stream().limit(10).forEach(alert -> alerts.add(alertRow(alert)));
        Card card = new Card("Probe", line, message, facts, alerts);
        card.addClassName("sk-card-wide");
        if (operator) {
            card.add(actions(probe));
        }
        head.add(card);
        drawChart();
    }

    private Div alertRow(AlertView alert) {
        Div row = new Div(StateBadge.of(alert.state()), new Span(" " + DateTimes.MINUTES.format(alert.openedAt()) + (alert.closedAt() == null
                ? ", open" : " to " + DateTimes.MINUTES.format(alert.closedAt())) + ": " + alert.message()
                + (alert.rootCause() == null ? "" : " (" + alert.rootCause() + ")")));
        row.addClassName("sk-alert-row");
        if (operator) {
            List<NotificationView> sent = monitoring.notificationsOf(alert.id());
            row.add(Card.hint(sent.isEmpty() ? "no notification (none wanted it, or it was held in maintenance)"
                    : sent.stream().map(ProbePage::notice).collect(Collectors.joining(" · "))));
        }
        return row;
    }

    private static String notice(NotificationView n) {
        String when = n.deliveredAt() != null ? "sent " + DateTimes.SECONDS.format(n.deliveredAt())
                : "waiting, attempt " + n.attempts() + (n.lastError() == null ? "" : ": " + n.lastError());
        return n.kind().toLowerCase() + " " + when;
    }

    private HorizontalLayout actions(ProbeView probe) {
        Button check = new Button("Check now", VaadinIcon.REFRESH.create(), e -> {
            monitoring.checkNow(id);
            show();
        });
        Button edit = new Button("Change…", VaadinIcon.EDIT.create(), e -> ProbeDialog.open(monitoring, probe, this::show));
        Button pause = new Button(probe.paused() ? "Resume" : "Pause", VaadinIcon.PAUSE.create(), e -> {
            monitoring.pauseProbe(id, !probe.paused());
            show();
        });
        Button delete = new Button("Delete…", VaadinIcon.TRASH.create(), e -> new FormDialog("Delete " + probe.name() + "?", "Delete", () -> {
            monitoring.deleteProbe(id);
            getUI().ifPresent(ui -> ui.navigate(MonitoringView.class));
        }, new Span("Its results go with it.")).open());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        check.setId("probe-check");
        return new HorizontalLayout(check, edit, pause, delete);
    }

    private void drawChart() {
        if (id == 0) {
            return;
        }
        ProbeView probe = monitoring.probe(id);
        Instant to = Instant.now();
        Instant from = to.minus(RANGES.get(range.getValue()));
        List<ResultPoint> points = monitoring.results(id, from, to);
        boolean latency = points.stream().allMatch(p -> p.value() == null);
        chart.removeAll();
        chart.add(new Svg(ProbeCharts.chart((latency ? "Latency" : "Value") + ", " + range.getValue().toLowerCase(), points, from, to, latency,
                latency ? null : NagiosRange.parse(probe.settings().warning()), latency ? null : NagiosRange.parse(probe.settings().critical()),
                monitoring.maintenanceWindows(probe.component(), from, to))));
    }

    private static void fact(Div facts, String name, String value) {
        Span label = new Span(name);
        label.addClassName("sk-fact-name");
        Span text = new Span(value);
        text.addClassName("sk-fact-value");
        facts.add(new Div(label, text));
    }

    private static String blank(String range) {
        return range == null || range.isBlank() ? "none" : range;
    }

    private static String percent(Double value) {
        return value == null ? "–" : value + " %";
    }
}
