package io.stackkeeper.logs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.logs.IncidentKind;
import io.stackkeeper.logs.IncidentView;
import io.stackkeeper.logs.LogService;
import java.util.List;

/**
 * The crash incidents of the stack's containers, newest first, above the lines: opened by itself when one happened in
 * the last day; a click shows what happened, the work that was running and the last lines before it.
 */
class IncidentsPanel extends Details {

    private static final int SHOWN = 50;

    private final LogService logs;

    IncidentsPanel(LogService logs) {
        this.logs = logs;
        setId("incidents");
        setWidthFull();
        refresh();
    }

    void refresh() {
        List<IncidentView> incidents = logs.incidents(SHOWN);
        boolean recent = !incidents.isEmpty() && incidents.get(0).lastAt().isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        Span title = new Span(incidents.isEmpty() ? "Crash incidents: none"
                : "Crash incidents: " + incidents.size() + (incidents.size() == SHOWN ? "+" : "") + ", the newest "
                        + DateTimes.SECONDS.format(incidents.get(0).lastAt()));
        if (recent) {
            title.getElement().getThemeList().add("badge error");
        }
        setSummary(title);
        removeAll();
        add(incidents.isEmpty() ? new Span("No container of the stack has crashed since the portal watches them.") : grid(incidents));
        setOpened(recent);
    }

    private Grid<IncidentView> grid(List<IncidentView> incidents) {
        Grid<IncidentView> grid = new Grid<>();
        grid.setId("incidents-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(incidents.size() <= 5);
        if (incidents.size() > 5) {
            grid.setHeight("14em");
        }
        grid.addColumn(i -> DateTimes.SECONDS.format(i.happenedAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.part() + " · " + i.containerName()).setHeader("Container").setAutoWidth(true);
        grid.addComponentColumn(IncidentsPanel::kind).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.exitCode() == null ? "" : i.exitCode().toString()).setHeader("Exit").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.occurrences() > 1 ? i.occurrences() + "×, last " + DateTimes.SECONDS.format(i.lastAt()) : "").setHeader("Again")
                .setAutoWidth(true);
        grid.addColumn(i -> i.duringWork() == null ? "" : i.duringWork()).setHeader("Work on the stack").setAutoWidth(true);
        grid.setItems(incidents);
        grid.addItemClickListener(click -> logs.incident(click.getItem().id()).ifPresent(IncidentsPanel::show));
        return grid;
    }

    private static Span kind(IncidentView incident) {
        Span kind = new Span(incident.kind().words());
        kind.getElement().getThemeList().add(incident.kind() == IncidentKind.CRASHED ? "badge" : "badge error");
        return kind;
    }

    private static void show(IncidentView incident) {
        Dialog dialog = new Dialog();
        dialog.setId("incident-dialog");
        dialog.setHeaderTitle("Incident " + incident.id() + ": " + incident.part() + " " + incident.kind().words());
        dialog.setWidth("min(70em, 95vw)");
        Span what = new Span("The " + incident.part() + " container " + incident.containerName() + ": " + incident.summary() + ", "
                + DateTimes.SECONDS.format(incident.happenedAt())
                + (incident.occurrences() > 1 ? "; " + incident.occurrences() + " times, the last " + DateTimes.SECONDS.format(incident.lastAt()) : "")
                + (incident.duringWork() == null ? "." : ", " + incident.duringWork() + "."));
        Pre lines = new Pre(String.join("\n", incident.lastLines()));
        lines.setId("incident-lines");
        lines.addClassName("sk-log-lines");
        lines.getStyle().set("max-height", "60vh").set("overflow", "auto").set("font-size", "var(--lumo-font-size-xs)");
        dialog.add(new VerticalLayout(what, new Span("The last " + incident.lastLines().size() + " lines before it:"), lines));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}
