package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.monitoring.AlertView;
import io.stackkeeper.monitoring.MaintenanceView;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.ProbeComponent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Open alerts (a folded one names its root cause) and the maintenance windows that run or come, on top of the page. */
class AlertsCard extends Card {

    private final MonitoringService monitoring;
    private final boolean operator;
    private final Runnable changed;

    AlertsCard(MonitoringService monitoring, boolean operator, Runnable changed) {
        super("Alerts and maintenance");
        this.monitoring = monitoring;
        this.operator = operator;
        this.changed = changed;
        setId("alerts");
        addClassName("sk-card-wide");
    }

    void refresh() {
        Div alerts = new Div();
        alerts.setId("open-alerts");
        List<AlertView> open = monitoring.alerts(false);
        if (open.isEmpty()) {
            alerts.add(Card.hint("No open alert."));
        }
        open.forEach(alert -> {
            Div row = new Div(StateBadge.of(alert.state()), new RouterLink(alert.probe(), ProbePage.class, alert.probeId()),
                    new Span(alert.message()), Card.hint("since " + DateTimes.MINUTES.format(alert.openedAt())));
            row.addClassName("sk-probe-head");
            if (alert.rootCause() != null) {
                row.add(Card.hint(alert.rootCause()));
            }
            if (alert.inMaintenance()) {
                row.add(Card.hint("in maintenance: not sent"));
            }
            alerts.add(row);
        });
        Div windows = new Div();
        windows.setId("maintenance-windows");
        monitoring.maintenanceWindows().stream().filter(w -> w.endsAt() == null || w.endsAt().isAfter(java.time.Instant.now()))
                .forEach(window -> windows.add(windowRow(window)));
        setContent(alerts, windows);
        if (operator) {
            Button set = new Button("Maintenance window…", VaadinIcon.WRENCH.create(), e -> openWindowDialog());
            set.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            set.setId("set-maintenance");
            windows.add(set);
        }
    }

    private Div windowRow(MaintenanceView window) {
        Span what = new Span("Maintenance of " + String.join(", ", window.components().stream().map(ProbeComponent::label).sorted().toList())
                + (window.endsAt() == null ? " while " + window.reason() + " runs" : " until " + DateTimes.MINUTES.format(window.endsAt())
                + ": " + window.reason()));
        Div row = new Div(what);
        row.addClassName("sk-probe-head");
        if (operator) {
            Button end = new Button("End now", e -> {
                monitoring.endMaintenance(window.id());
                changed.run();
            });
            end.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            row.add(end);
        }
        return row;
    }

    private void openWindowDialog() {
        CheckboxGroup<ProbeComponent> components = new CheckboxGroup<>("Components");
        components.setItems(ProbeComponent.values());
        components.setItemLabelGenerator(ProbeComponent::label);
        DateTimePicker start = new DateTimePicker("Starts");
        start.setValue(LocalDateTime.now().withSecond(0).withNano(0));
        DateTimePicker end = new DateTimePicker("Ends");
        end.setValue(LocalDateTime.now().withSecond(0).withNano(0).plusHours(1));
        TextField reason = new TextField("Reason");
        reason.setWidthFull();
        new FormDialog("Maintenance window", "Set", () -> {
            ZoneId zone = ZoneId.systemDefault();
            monitoring.setMaintenance(components.getValue(), start.getValue() == null ? null : start.getValue().atZone(zone).toInstant(),
                    end.getValue() == null ? null : end.getValue().atZone(zone).toInstant(), reason.getValue());
            changed.run();
        }, components, start, end, reason).open();
    }
}
