package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.NotifierKind;
import io.stackkeeper.monitoring.NotifierSettings;
import io.stackkeeper.monitoring.NotifierView;
import io.stackkeeper.monitoring.ProbeComponent;
import io.stackkeeper.monitoring.ProbeState;
import java.util.stream.Collectors;

/** The notifiers, for the ops team: each with "Send test" and its last delivery problem; admins add and delete them. */
class NotifiersCard extends Card {

    private final MonitoringService monitoring;
    private final boolean admin;

    NotifiersCard(MonitoringService monitoring, boolean admin) {
        super("Notifiers");
        this.monitoring = monitoring;
        this.admin = admin;
        setId("notifiers");
        addClassName("sk-card-wide");
        refresh();
    }

    private void refresh() {
        Div rows = new Div();
        for (NotifierView notifier : monitoring.notifiers()) {
            NotifierSettings s = notifier.settings();
            Span what = new Span(s.name() + " · " + s.kind() + " " + s.target() + " · " + (s.components().isEmpty() ? "all components"
                    : s.components().stream().map(ProbeComponent::label).sorted().collect(Collectors.joining(", "))) + " · from " + s.minState()
                    + (s.stackEvents() ? " · with failed backups and upgrades" : "") + (s.enabled() ? "" : " · disabled"));
            Div row = new Div(what);
            row.addClassName("sk-probe-head");
            if (notifier.lastError() != null) {
                row.add(Card.hint("last delivery failed: " + notifier.lastError()));
            }
            Button test = new Button("Send test", VaadinIcon.PAPERPLANE.create(), e -> {
                String problem = monitoring.testNotifier(notifier.id());
                Notification note = Notification.show(problem == null ? "Test sent to " + s.target() + "." : "Not sent: " + problem, 6000,
                        Notification.Position.BOTTOM_START);
                note.addThemeVariants(problem == null ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            });
            test.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            test.setId("test-notifier-" + notifier.id());
            row.add(test);
            if (admin) {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                    monitoring.deleteNotifier(notifier.id());
                    refresh();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                delete.setAriaLabel("Delete " + s.name());
                row.add(delete);
            }
            rows.add(row);
        }
        if (rows.getChildren().findAny().isEmpty()) {
            rows.add(Card.hint("No notifier: alerts show here and on the dashboard only."));
        }
        setContent(rows);
        if (admin) {
            Button add = new Button("New notifier", VaadinIcon.PLUS.create(), e -> openDialog());
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add.setId("new-notifier");
            rows.add(add);
        }
    }

    private void openDialog() {
        TextField name = new TextField("Name");
        Select<NotifierKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(NotifierKind.values());
        kind.setValue(NotifierKind.WEBHOOK);
        TextField target = new TextField("Email address or webhook URL");
        target.setWidthFull();
        CheckboxGroup<ProbeComponent> components = new CheckboxGroup<>("Components (none: all)");
        components.setItems(ProbeComponent.values());
        components.setItemLabelGenerator(ProbeComponent::label);
        Select<ProbeState> from = new Select<>();
        from.setLabel("From");
        from.setItems(ProbeState.WARNING, ProbeState.CRITICAL);
        from.setValue(ProbeState.WARNING);
        Checkbox events = new Checkbox("Also failed backups, verifications and upgrades", true);
        new FormDialog("New notifier", "Save", () -> {
            monitoring.saveNotifier(null, new NotifierSettings(name.getValue(), kind.getValue(), target.getValue(), components.getValue(),
                    from.getValue(), events.getValue(), true));
            refresh();
        }, name, kind, target, components, from, events).open();
    }
}
