package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.stackkeeper.backup.BackupProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row per running backup, drill or import: a progress bar and its numbers; finished work says so once. */
class ProgressPanel extends Div {

    private final Map<String, Div> rows = new LinkedHashMap<>();

    ProgressPanel() {
        addClassName("sk-progress");
        setId("backup-progress");
    }

    void show(BackupProgress p) {
        Div row = rows.computeIfAbsent(p.runId(), id -> {
            Div created = new Div();
            created.addClassName("sk-card");
            add(created);
            return created;
        });
        if (p.finished()) {
            rows.remove(p.runId());
            announce(p);
        }
        row.removeAll();
        ProgressBar bar = new ProgressBar();
        bar.addClassName("sk-progress-bar");
        if (p.fraction() < 0) {
            bar.setIndeterminate(true);
        } else {
            bar.setValue(p.fraction());
        }
        Span title = new Span(capitalized(p.work()) + " " + p.runId() + (p.finished() ? p.error() == null ? ": finished" : ": failed" : ""));
        title.getStyle().set("font-weight", "600");
        Span line = new Span((p.finished() ? p.error() == null ? "done" : p.error() : p.current()) + " · "
                + Amounts.count(p.documentsDone()) + " documents · " + Amounts.bytes(p.bytesDone()) + " · " + Amounts.rate(p.bytesPerSecond()));
        line.addClassName("sk-progress-line");
        line.addClassName("sk-progress-text");
        row.add(title, bar, line);
        if (p.finished()) {
            Button dismiss = new Button("Dismiss", e -> remove(row));
            dismiss.getStyle().set("align-self", "flex-start");
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            row.add(dismiss);
        }
    }

    /** A success fades; a failure stays until closed. */
    private static void announce(BackupProgress p) {
        Notification note = Notification.show(p.error() == null ? "The " + p.work() + " of " + p.runId() + " has finished."
                : "The " + p.work() + " of " + p.runId() + " failed: " + p.error(), p.error() == null ? 4000 : 0, Notification.Position.BOTTOM_START);
        note.addThemeVariants(p.error() == null ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        if (p.error() != null) {
            Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> note.close());
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            note.add(close);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
