package io.stackkeeper.backup.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.stackkeeper.base.ui.Live;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.backup.BackupProgress;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.DeletionNotConfirmedException;
import com.vaadin.flow.component.html.Paragraph;
import io.stackkeeper.backup.DumpedCollection;
import io.stackkeeper.backup.Manifest;
import io.stackkeeper.backup.RunQuery;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.backup.SavedBackupPlan;
import io.stackkeeper.backup.TargetFolders;
import io.stackkeeper.backup.Trigger;
import io.stackkeeper.base.DataFolder;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Backups: live progress of running work, the plans (operators edit and run them), the history managers read with
 * its details, and trends of set size and duration.
 */
@Route(value = "backups", layout = MainLayout.class)
@PageTitle("Backups")
@Menu(title = "Backups", order = 20, icon = "vaadin:archive")
@PermitAll
public class BackupsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));

    private final BackupService backups;
    private final StackService stack;
    private final boolean operator;
    private final boolean admin;
    private final String defaultTarget;
    private final Div progress = new Div();
    private final Map<String, Div> progressRows = new LinkedHashMap<>();
    private final Grid<SavedBackupPlan> plans = new Grid<>();
    private final Grid<BackupRunRecord> history = new Grid<>();
    private final ComboBox<String> planFilter = new ComboBox<>("Plan");
    private final Select<RunStatus> statusFilter = new Select<>();
    private final Select<Trigger> triggerFilter = new Select<>();
    private final DatePicker fromFilter = new DatePicker("From");
    private final DatePicker toFilter = new DatePicker("To");
    private final Span total = new Span();
    private final Div details = new Div();
    private final Div charts = new Div();
    private volatile RunQuery currentQuery = RunQuery.ALL;

    public BackupsView(BackupService backups, StackService stack, AuthenticationContext authentication, DataFolder dataFolder) {
        this.backups = backups;
        this.stack = stack;
        this.admin = authentication.hasRole(Roles.ADMIN);
        this.operator = admin || authentication.hasRole(Roles.OPERATOR);
        this.defaultTarget = dataFolder.resolve("backups").toString();
        addClassNames("sk-page", "sk-backups");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        progress.addClassName("sk-progress");
        progress.setId("backup-progress");
        add(progress, plansCard(), historyCard(), trendsCard());
        Live.whileAttached(this, ui -> {
            backups.running().forEach(this::showProgress);
            return backups.subscribe(p -> ui.access(() -> {
                showProgress(p);
                if (p.finished()) {
                    refreshHistory();
                    refreshPlans();
                }
            }));
        });
        refreshPlans();
        refreshHistory();
    }

    // ---- Live progress -------------------------------------------------------------------------------------------

    private void showProgress(BackupProgress p) {
        Div row = progressRows.computeIfAbsent(p.runId(), id -> {
            Div created = new Div();
            created.addClassName("sk-card");
            progress.add(created);
            return created;
        });
        if (p.finished()) {
            progressRows.remove(p.runId());
            Notification note = Notification.show(p.error() == null ? "The " + p.work() + " of " + p.runId() + " has finished."
                    : "The " + p.work() + " of " + p.runId() + " failed: " + p.error(), p.error() == null ? 4000 : 0, Notification.Position.BOTTOM_START);
            note.addThemeVariants(p.error() == null ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            if (p.error() != null) {
                Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> note.close());
                close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                note.add(close);
            }
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
            Button dismiss = new Button("Dismiss", e -> progress.remove(row));
            dismiss.getStyle().set("align-self", "flex-start");
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            row.add(dismiss);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---- Plans ---------------------------------------------------------------------------------------------------

    private Card plansCard() {
        plans.addColumn(p -> p.name()).setHeader("Plan").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(p -> "Sets go to " + p.settings().target());
        plans.addColumn(p -> p.settings().enabled() ? p.scheduleInWords() : "disabled").setHeader("Schedule").setAutoWidth(true)
                .setFlexGrow(0);
        plans.addColumn(p -> p.nextRuns().isEmpty() ? "" : Amounts.UTC_TIME.format(p.nextRuns().get(0))).setHeader("Next run").setAutoWidth(true);
        plans.addColumn(p -> p.settings().contents().label()).setHeader("Contents").setAutoWidth(true);
        plans.addColumn(p -> retentionWords(p)).setHeader("Retention").setAutoWidth(true).setFlexGrow(1);
        if (operator) {
            plans.addComponentColumn(this::planActions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        plans.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        plans.setAllRowsVisible(true);
        plans.setEmptyStateText("No plan yet. A 'nightly' plan is created when the stack is configured.");
        plans.setId("plans");
        Card card = new Card("Plans", plans);
        card.addClassName("sk-card-wide");
        HorizontalLayout actions = new HorizontalLayout();
        if (operator) {
            Button add = new Button("New plan", VaadinIcon.PLUS.create(), e -> PlanDialog.open(backups, null, defaultTarget, this::refreshPlans));
            add.setId("new-plan");
            actions.add(add);
        }
        if (admin) {
            Button importSet = new Button("Import a set", VaadinIcon.UPLOAD_ALT.create(), e -> openImport());
            importSet.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button folders = new Button("Target folders…", VaadinIcon.FOLDER_O.create(), e -> openTargetFolders());
            folders.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            folders.setId("target-folders");
            actions.add(importSet, folders);
        }
        card.add(actions);
        return card;
    }

    private void openTargetFolders() {
        TargetFolders now = backups.targetFolders();
        com.vaadin.flow.component.textfield.TextArea added = new com.vaadin.flow.component.textfield.TextArea(
                "More folders plan targets may be under (one per line)");
        added.setValue(String.join("\n", now.added()));
        added.setWidthFull();
        added.setId("target-folders-added");
        new FormDialog("Backup target folders", "Save", () -> {
            backups.allowTargetFolders(added.getValue().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
            FormDialog.confirmDone("Target folders saved.");
        }, new Paragraph("Plans write their sets only under " + String.join(", ", now.configured())
                + " (the portal's configuration) and the folders below. Sets are readable by the portal's user only."), added).open();
    }

    private static String retentionWords(SavedBackupPlan plan) {
        var r = plan.settings().retention();
        List<String> words = new ArrayList<>();
        add(words, r.keepLast(), "last");
        add(words, r.keepHourly(), "hourly");
        add(words, r.keepDaily(), "daily");
        add(words, r.keepWeekly(), "weekly");
        add(words, r.keepMonthly(), "monthly");
        add(words, r.keepYearly(), "yearly");
        return String.join(", ", words);
    }

    private static void add(List<String> words, int count, String rule) {
        if (count > 0) {
            words.add(count + " " + rule);
        }
    }

    private HorizontalLayout planActions(SavedBackupPlan plan) {
        Button run = new Button("Back up now", VaadinIcon.PLAY.create(), e -> act(() -> {
            BackupRunRecord started = backups.backUp(plan.name(), Trigger.MANUAL);
            refreshHistory();
            return "Backup " + started.id() + " started.";
        }));
        run.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        run.setId("run-" + plan.name());
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> PlanDialog.open(backups, plan, defaultTarget, this::refreshPlans));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel("Edit " + plan.name());
        edit.setId("edit-" + plan.name());
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> new FormDialog("Delete plan " + plan.name() + "?", "Delete", () -> {
            backups.deletePlan(plan.name());
            refreshPlans();
        }, new Span("Its schedule stops. Its sets and their history stay.")).open());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + plan.name());
        return new HorizontalLayout(run, edit, delete);
    }

    private void openImport() {
        TextField folder = new TextField("Folder of the set (holding manifest.json)");
        folder.setWidthFull();
        new FormDialog("Import a backup set", "Import", () -> {
            BackupRunRecord imported = backups.importSet(folder.getValue());
            if (imported.status() != RunStatus.SUCCEEDED) {
                refreshHistory();
                throw new IllegalArgumentException(imported.error());
            }
            FormDialog.confirmDone("Set " + imported.id() + " imported; it can be restored now.");
            refreshHistory();
        }, folder).open();
    }

    private void refreshPlans() {
        List<SavedBackupPlan> all = backups.plans();
        plans.setItems(all);
        planFilter.setItems(all.stream().map(SavedBackupPlan::name).toList());
    }

    // ---- History -------------------------------------------------------------------------------------------------

    private Card historyCard() {
        planFilter.setClearButtonVisible(true);
        planFilter.setAllowCustomValue(false);
        statusFilter.setLabel("Status");
        statusFilter.setItems(RunStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any");
        triggerFilter.setLabel("Trigger");
        triggerFilter.setItems(Trigger.values());
        triggerFilter.setItemLabelGenerator(t -> t == null ? "Any" : t.label());
        triggerFilter.setEmptySelectionAllowed(true);
        triggerFilter.setEmptySelectionCaption("Any");
        planFilter.addValueChangeListener(e -> refreshHistory());
        statusFilter.addValueChangeListener(e -> refreshHistory());
        triggerFilter.addValueChangeListener(e -> refreshHistory());
        fromFilter.addValueChangeListener(e -> refreshHistory());
        toFilter.addValueChangeListener(e -> refreshHistory());
        planFilter.setWidth("12rem");
        statusFilter.setWidth("9rem");
        triggerFilter.setWidth("9rem");
        fromFilter.setWidth("10rem");
        toFilter.setWidth("10rem");

        Anchor export = new Anchor((DownloadHandler) this::writeCsv, "");
        Button exportButton = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.setId("export-backups-csv");
        export.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(planFilter, statusFilter, triggerFilter, fromFilter, toFilter, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        history.addColumn(r -> Amounts.TIME.format(r.startedAt())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(BackupRunRecord::plan).setHeader("Plan").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(BackupsView::statusBadge).setHeader("Status").setWidth("8rem").setFlexGrow(0);
        history.addColumn(r -> r.trigger().label()).setHeader("Trigger").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(BackupRunRecord::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> Amounts.duration(r.duration())).setHeader("Duration").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> Amounts.bytes(r.sizeBytes())).setHeader("Size").setWidth("6.5rem").setFlexGrow(0);
        history.addColumn(r -> Amounts.rate(r.bytesPerSecond())).setHeader("Throughput").setWidth("8rem").setFlexGrow(0);
        history.addColumn(r -> Amounts.count(r.documents())).setHeader("Documents").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(BackupsView::checkedState).setHeader("Verified").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setEmptyStateText("No backup matches these filters.");
        history.setHeight("24rem");
        history.setId("history");
        history.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));
        details.setId("backup-details");
        total.addClassName("sk-hint");
        total.setId("history-total");
        Card card = new Card("History", filters, history, total, details);
        card.addClassName("sk-card-wide");
        return card;
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
            parts.add(run.drillOk() ? "restorable (" + Amounts.duration(java.time.Duration.ofMillis(run.drillMillis())) + ")" : "drill FAILED");
        }
        if (run.pinned()) {
            parts.add("pinned");
        }
        return String.join(" · ", parts);
    }

    private RunQuery query() {
        return new RunQuery(planFilter.getValue(), statusFilter.getValue(), triggerFilter.getValue(), start(fromFilter.getValue()),
                toFilter.getValue() == null ? null : start(toFilter.getValue().plusDays(1)));
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private void refreshHistory() {
        RunQuery query = query();
        currentQuery = query;
        long count = backups.countRuns(query);
        total.setText(count + (count == 1 ? " run" : " runs"));
        history.setItems(page -> backups.runs(query, page.getOffset(), page.getLimit()).stream(), page -> (int) Math.min(count, Integer.MAX_VALUE));
        refreshCharts();
    }

    /** {@code backups?set=<id>} opens that set's details, e.g. from a failed upgrade pointing at its pre-upgrade backup. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("set").flatMap(backups::run).ifPresent(run -> {
            showDetails(run);
            details.getElement().callJsFunction("scrollIntoView");
        });
    }

    private void showDetails(BackupRunRecord selected) {
        details.removeAll();
        if (selected == null) {
            return;
        }
        BackupRunRecord run = backups.run(selected.id()).orElse(selected);
        details.add(new H4(run.id()));
        Div facts = new Div();
        facts.addClassName("sk-facts");
        fact(facts, "Status", run.status() + (run.removedAt() != null ? " (files removed by retention " + Amounts.TIME.format(run.removedAt()) + ")" : ""));
        fact(facts, "Location", run.location());
        fact(facts, "Error", run.error());
        fact(facts, "Verify", run.verifiedAt() == null ? "never" : (run.verified() ? "all files match, " : String.join("; ", run.verifyProblems()) + ", ")
                + Amounts.TIME.format(run.verifiedAt()));
        fact(facts, "Restore drill", run.drilledAt() == null ? "never" : (run.drillOk() ? "restorable in " : "FAILED after ")
                + Amounts.duration(java.time.Duration.ofMillis(run.drillMillis())) + ", " + Amounts.TIME.format(run.drilledAt()));
        fact(facts, "Linked to", run.linkedTo());
        details.add(facts);
        backups.manifest(run.id()).ifPresent(manifest -> details.add(manifestPanel(manifest)));
        if (run.drillReport() != null) {
            details.add(new Pre(run.drillReport()));
        }
        if (operator && run.restorable()) {
            Button verify = new Button("Verify checksums", VaadinIcon.CHECK.create(), e -> act(() -> {
                BackupRunRecord checked = backups.verify(run.id());
                showDetails(checked);
                refreshHistory();
                return checked.verified() ? "Every file matches the manifest." : "Bad files: " + String.join("; ", checked.verifyProblems());
            }));
            verify.setId("verify-set");
            Button drill = new Button("Restore drill", VaadinIcon.FLASK.create(), e -> act(() -> {
                BackupRunRecord drilled = backups.drill(run.id());
                showDetails(drilled);
                refreshHistory();
                return drilled.drillOk() ? "Restorable: every collection matched." : "The drill found differences: " + drilled.drillReport();
            }));
            drill.setId("drill-set");
            Button pin = new Button(run.pinned() ? "Unpin" : "Pin (keep forever)", VaadinIcon.PIN.create(), e -> {
                try {
                    act(() -> pinned(backups.pin(run.id(), !run.pinned())));
                } catch (DeletionNotConfirmedException wouldDelete) {
                    new FormDialog("Unpin " + run.id() + "?", "Unpin and let retention delete it",
                            () -> pinned(backups.pin(run.id(), false, true)), new Paragraph(wouldDelete.getMessage())).open();
                }
            });
            HorizontalLayout actions = new HorizontalLayout(verify, drill, pin);
            if (admin) {
                Button restore = new Button("Restore…", VaadinIcon.ROTATE_LEFT.create(), e -> openRestore(run));
                restore.addThemeVariants(ButtonVariant.LUMO_ERROR);
                restore.setId("restore-set");
                Button delete = new Button("Delete…", VaadinIcon.TRASH.create(), e -> openDelete(run));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                delete.setId("delete-set");
                actions.add(restore, delete);
            }
            actions.setWrap(true);
            details.add(actions);
        }
    }

    private Div manifestPanel(Manifest manifest) {
        Div panel = new Div();
        Div facts = new Div();
        facts.addClassName("sk-facts");
        var s = manifest.stack();
        fact(facts, "Backend", s.backendImage() == null ? null : s.backendImage() + " (" + s.backendImageId() + ")");
        fact(facts, "Frontend", s.frontendImage() == null ? null : s.frontendImage() + " (" + s.frontendImageId() + ")");
        fact(facts, "MongoDB", s.mongoVersion() == null ? null : s.mongoVersion() + ", FCV " + s.featureCompatibilityVersion());
        fact(facts, "Portal", manifest.portalVersion());
        fact(facts, "Files", manifest.files().size() + " files, " + Amounts.bytes(manifest.totalSize()));
        panel.add(facts);
        if (!manifest.collections().isEmpty()) {
            Grid<DumpedCollection> collections = new Grid<>();
            collections.addColumn(DumpedCollection::database).setHeader("Database").setAutoWidth(true);
            collections.addColumn(DumpedCollection::collection).setHeader("Collection").setAutoWidth(true);
            collections.addColumn(c -> Amounts.count(c.documents())).setHeader("Documents").setAutoWidth(true);
            collections.addColumn(c -> Amounts.bytes(c.bsonBytes())).setHeader("BSON size").setAutoWidth(true);
            collections.addThemeVariants(GridVariant.LUMO_COMPACT);
            collections.setAllRowsVisible(true);
            collections.setItems(manifest.collections());
            collections.setId("manifest-collections");
            panel.add(collections);
        }
        return panel;
    }

    private static void fact(Div facts, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(name);
        label.addClassName("sk-fact-name");
        Span text = new Span(value);
        text.addClassName("sk-fact-value");
        facts.add(new Div(label, text));
    }

    private void openRestore(BackupRunRecord run) {
        String name = stack.stackName().orElse(null);
        if (name == null) {
            Notification.show("Configure the stack first.", 4000, Notification.Position.TOP_CENTER);
            return;
        }
        new RestoreDialog(backups, run, name, this::refreshHistory).open();
    }

    private void writeCsv(DownloadEvent event) throws IOException {
        event.setFileName("stackkeeper-backups-" + FILE_TIME.format(Instant.now()) + ".csv");
        event.setContentType("text/csv; charset=utf-8");
        try (var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            backups.exportCsv(currentQuery, writer);
        }
    }

    // ---- Trends --------------------------------------------------------------------------------------------------

    private Card trendsCard() {
        charts.setId("backup-trends");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        Card card = new Card("Set size and duration", charts);
        card.addClassName("sk-card-wide");
        return card;
    }

    private void refreshCharts() {
        List<BackupRunRecord> recent = new ArrayList<>(backups.runs(new RunQuery(planFilter.getValue(), RunStatus.SUCCEEDED, null, null, null), 0, 60));
        java.util.Collections.reverse(recent);
        charts.removeAll();
        charts.add(new Svg(TrendChart.svg("Set size", recent, r -> r.sizeBytes() == null ? 0.0 : r.sizeBytes(), v -> Amounts.bytes(v.longValue()))));
        charts.add(new Svg(TrendChart.svg("Duration", recent, r -> r.duration() == null ? 0.0 : r.duration().toMillis(),
                v -> Amounts.duration(java.time.Duration.ofMillis(v.longValue())))));
    }

    // ---- Actions -------------------------------------------------------------------------------------------------

    private String pinned(BackupRunRecord changed) {
        showDetails(changed);
        refreshHistory();
        return changed.pinned() ? "Pinned: retention keeps this set." : "Unpinned.";
    }

    private void openDelete(BackupRunRecord run) {
        TextField typed = new TextField("Type the set's id, " + run.id() + ", to confirm");
        typed.setWidthFull();
        typed.setId("delete-confirmation");
        new FormDialog("Delete set " + run.id() + " for good?", "Delete", () -> {
            showDetails(backups.deleteSet(run.id(), typed.getValue()));
            refreshHistory();
            FormDialog.confirmDone("Set " + run.id() + " deleted; its history stays.");
        }, new Paragraph("Its files in " + run.location() + " are removed and cannot be restored any more."), typed).open();
    }

    private void act(Supplier<String> action) {
        try {
            Notification.show(action.get(), 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DeletionNotConfirmedException e) {
            throw e;
        } catch (RuntimeException e) {
            Notification error = Notification.show(e instanceof org.springframework.security.access.AccessDeniedException
                    ? "You are not allowed to do this." : e.getMessage(), 8000, Notification.Position.TOP_CENTER);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
