package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.stackkeeper.backup.BackupReason;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunQuery;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.CsvDownload;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.stack.StackService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The history managers read: filters, a lazily loaded grid of runs, the CSV export, and the selected set's details. */
class HistoryCard extends Card {

    private final BackupService backups;
    private final Consumer<String> planFiltered;
    private final Grid<BackupRunRecord> history = new Grid<>();
    private final ComboBox<String> planFilter = new ComboBox<>("Plan");
    private final Select<RunStatus> statusFilter = new Select<>();
    private final Select<BackupReason> reasonFilter = new Select<>();
    private final DatePicker fromFilter = new DatePicker("From");
    private final DatePicker toFilter = new DatePicker("To");
    private final Span total = new Span();
    private final SetDetails details;
    private volatile RunQuery currentQuery = RunQuery.ALL;

    /** {@code planFiltered} hears the plan the history is filtered by (null: all) after each refresh. */
    HistoryCard(BackupService backups, StackService stack, boolean operator, boolean admin, Consumer<String> planFiltered) {
        super("History");
        this.backups = backups;
        this.planFiltered = planFiltered;
        this.details = new SetDetails(backups, stack, operator, admin, this::refresh);
        HorizontalLayout filters = filters();
        history.addColumn(r -> DateTimes.MINUTES.format(r.startedAt())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(BackupRunRecord::plan).setHeader("Plan").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(HistoryCard::statusBadge).setHeader("Status").setWidth("8rem").setFlexGrow(0);
        history.addColumn(r -> r.trigger().label()).setHeader("Trigger").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(BackupRunRecord::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> Amounts.duration(r.duration())).setHeader("Duration").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> Amounts.bytes(r.sizeBytes())).setHeader("Size").setWidth("6.5rem").setFlexGrow(0);
        history.addColumn(r -> Amounts.rate(r.bytesPerSecond())).setHeader("Throughput").setWidth("8rem").setFlexGrow(0);
        history.addColumn(r -> Amounts.count(r.documents())).setHeader("Documents").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryCard::checkedState).setHeader("Verified").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setEmptyStateText("No backup matches these filters.");
        history.setHeight("24rem");
        history.setId("history");
        history.asSingleSelect().addValueChangeListener(e -> details.show(e.getValue()));
        total.addClassName("sk-hint");
        total.setId("history-total");
        setContent(filters, history, total, details);
        addClassName("sk-card-wide");
    }

    void refresh() {
        RunQuery query = query();
        currentQuery = query;
        long count = backups.countRuns(query);
        total.setText(count + (count == 1 ? " run" : " runs"));
        history.setItems(page -> backups.runs(query, page.getOffset(), page.getLimit()).stream(), page -> (int) Math.min(count, Integer.MAX_VALUE));
        planFiltered.accept(planFilter.getValue());
    }

    void plansAre(List<String> names) {
        planFilter.setItems(names);
    }

    /** Opens a set's details and scrolls to them. */
    void showSet(BackupRunRecord run) {
        details.show(run);
        details.getElement().callJsFunction("scrollIntoView");
    }

    private HorizontalLayout filters() {
        planFilter.setClearButtonVisible(true);
        planFilter.setAllowCustomValue(false);
        statusFilter.setLabel("Status");
        statusFilter.setItems(RunStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any");
        reasonFilter.setLabel("Trigger");
        reasonFilter.setItems(BackupReason.values());
        reasonFilter.setItemLabelGenerator(t -> t == null ? "Any" : t.label());
        reasonFilter.setEmptySelectionAllowed(true);
        reasonFilter.setEmptySelectionCaption("Any");
        planFilter.addValueChangeListener(e -> refresh());
        statusFilter.addValueChangeListener(e -> refresh());
        reasonFilter.addValueChangeListener(e -> refresh());
        fromFilter.addValueChangeListener(e -> refresh());
        toFilter.addValueChangeListener(e -> refresh());
        planFilter.setWidth("12rem");
        statusFilter.setWidth("9rem");
        reasonFilter.setWidth("9rem");
        fromFilter.setWidth("10rem");
        toFilter.setWidth("10rem");
        CsvDownload export = new CsvDownload("export-backups-csv", "stackkeeper-backups", out -> backups.exportCsv(currentQuery, out));
        HorizontalLayout filters = new HorizontalLayout(planFilter, statusFilter, reasonFilter, fromFilter, toFilter, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private RunQuery query() {
        return new RunQuery(planFilter.getValue(), statusFilter.getValue(), reasonFilter.getValue(), start(fromFilter.getValue()),
                toFilter.getValue() == null ? null : start(toFilter.getValue().plusDays(1)));
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private static Span statusBadge(BackupRunRecord run) {
        Span badge = new Span(run.removedAt() != null ? "removed" : run.status().name().toLowerCase());
        badge.getElement().getThemeList().add(switch (run.status()) {
            case SUCCEEDED -> run.removedAt() != null ? "badge contrast" : "badge success";
            case FAILED -> "badge error";
            case RUNNING -> "badge";
        });
        if (run.error() != null) {
            badge.setTitle(run.error());
        }
        return badge;
    }

    private static String checkedState(BackupRunRecord run) {
        List<String> parts = new ArrayList<>();
        if (run.verifiedAt() != null) {
            parts.add(run.verified() ? "checksums ok" : "checksums FAILED");
        }
        if (run.drillOk() != null) {
            parts.add(run.drillOk() ? "restorable (" + Amounts.duration(Duration.ofMillis(run.drillMillis())) + ")" : "drill FAILED");
        }
        if (run.pinned()) {
            parts.add("pinned");
        }
        return String.join(" · ", parts);
    }
}
