package io.stackkeeper.logs.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.stackkeeper.logs.LogKeeping;
import io.stackkeeper.logs.LogService;
import io.stackkeeper.stack.StackPart;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which containers' logs the portal keeps (an ADMIN switches them; the others see the switches), lines that could not
 * be written, and where the kept lines are forwarded.
 */
class KeepingPanel extends Details {

    private final LogService logs;
    private final boolean admin;

    KeepingPanel(LogService logs, boolean admin) {
        this.logs = logs;
        this.admin = admin;
        setId("keeping");
        setWidthFull();
        refresh();
    }

    private void refresh() {
        LogKeeping keeping = logs.keeping();
        String kept = keeping.kept().entrySet().stream().filter(Map.Entry::getValue).map(e -> e.getKey().label())
                .collect(Collectors.joining(", "));
        Span title = new Span("Kept logs: " + (kept.isEmpty() ? "none" : kept)
                + (keeping.forwardingTarget() == null ? "" : " · forwarded to " + keeping.forwardingTarget()));
        if (keeping.forwardingFailure() != null || keeping.droppedLines() > 0) {
            title.getElement().getThemeList().add("badge error");
        }
        setSummary(title);
        removeAll();
        HorizontalLayout switches = new HorizontalLayout();
        switches.setId("keeping-switches");
        for (Map.Entry<StackPart, Boolean> part : keeping.kept().entrySet()) {
            Checkbox keep = new Checkbox("Keep the " + part.getKey().label() + "'s logs", part.getValue());
            keep.setId("keep-" + part.getKey().label());
            keep.setEnabled(admin);
            keep.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    switchKeeping(part.getKey(), change.getValue());
                }
            });
            switches.add(keep);
        }
        Span hint = new Span(admin ? "Kept lines survive container recreations and are searched above; switching off keeps the hours kept so far."
                : "An admin switches which containers' logs are kept.");
        hint.addClassName("sk-hint");
        add(switches, hint);
        if (keeping.droppedLines() > 0) {
            add(new Span(keeping.droppedLines() + " lines could not be written since the portal started (a full disk?)."));
        }
        if (keeping.forwardingTarget() != null) {
            Span forwarding = new Span(keeping.forwardingFailure() == null
                    ? keeping.forwarded() + " lines forwarded to " + keeping.forwardingTarget() + " since the portal started."
                    : "Forwarding to " + keeping.forwardingTarget() + " fails: " + keeping.forwardingFailure()
                            + ". The lines wait and go once it works again.");
            forwarding.setId("keeping-forwarding");
            add(forwarding);
        }
    }

    private void switchKeeping(StackPart part, boolean on) {
        try {
            logs.keep(part, on);
            Notification.show((on ? "Keeping " : "No longer keeping ") + "the " + part.label() + "'s logs.", 3000, Notification.Position.BOTTOM_START);
        } catch (RuntimeException e) {
            Notification.show("The switch was not saved: " + e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
