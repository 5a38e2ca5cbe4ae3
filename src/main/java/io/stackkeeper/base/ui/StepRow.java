package io.stackkeeper.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** One step of long work (a restore, an upgrade) as a line: its state as a badge, its title and what it did. */
public final class StepRow {

    private StepRow() {
    }

    /** {@code state} is one of PENDING, RUNNING, DONE, SKIPPED, FAILED; the row carries it as {@code data-state}. */
    public static Div of(String state, String title, String message) {
        Span badge = new Span(state.toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add(switch (state) {
            case "DONE" -> "badge success";
            case "FAILED" -> "badge error";
            case "RUNNING" -> "badge";
            default -> "badge contrast";
        });
        Span text = new Span(message == null ? "" : message);
        text.addClassName("sk-hint");
        Div row = new Div(badge, new Span(title), text);
        row.addClassName("sk-restore-step");
        row.getElement().setAttribute("data-state", state);
        return row;
    }
}
