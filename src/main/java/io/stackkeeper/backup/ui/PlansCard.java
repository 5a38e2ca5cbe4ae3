package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.stackkeeper.backup.BackupReason;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.backup.SavedBackupPlan;
import io.stackkeeper.backup.TargetFolders;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.base.ui.FormDialog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The plans: schedule, next run, contents and retention; operators run and edit them, admins import sets and allow folders. */
class PlansCard extends Card {

    private final BackupService backups;
    private final String defaultTarget;
    private final Runnable historyChanged;
    private final Consumer<List<String>> plansChanged;
    private final Grid<SavedBackupPlan> plans = new Grid<>();

    PlansCard(BackupService backups, boolean operator, boolean admin, String defaultTarget, Runnable historyChanged,
            Consumer<List<String>> plansChanged) {
        super("Plans");
        this.backups = backups;
        this.defaultTarget = defaultTarget;
        this.historyChanged = historyChanged;
        this.plansChanged = plansChanged;
        plans.addColumn(p -> p.name()).setHeader("Plan").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(p -> "Sets go to " + p.settings().target());
        plans.addColumn(p -> p.settings().enabled() ? p.scheduleInWords() : "disabled").setHeader("Schedule").setAutoWidth(true)
                .setFlexGrow(0);
        plans.addColumn(p -> p.nextRuns().isEmpty() ? "" : DateTimes.SCHEDULE.format(p.nextRuns().get(0))).setHeader("Next run").setAutoWidth(true);
        plans.addColumn(p -> p.settings().contents().label()).setHeader("Contents").setAutoWidth(true);
        plans.addColumn(PlansCard::retentionWords).setHeader("Retention").setAutoWidth(true).setFlexGrow(1);
        if (operator) {
            plans.addComponentColumn(this::planActions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        plans.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        plans.setAllRowsVisible(true);
        plans.setEmptyStateText("No plan yet. A 'nightly' plan is created when the stack is configured.");
        plans.setId("plans");
        setContent(plans);
        addClassName("sk-card-wide");
        HorizontalLayout actions = new HorizontalLayout();
        if (operator) {
            Button add = new Button("New plan", VaadinIcon.PLUS.create(), e -> PlanDialog.open(backups, null, defaultTarget, this::refresh));
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
        add(actions);
    }

    void refresh() {
        List<SavedBackupPlan> all = backups.plans();
        plans.setItems(all);
        plansChanged.accept(all.stream().map(SavedBackupPlan::name).toList());
    }

    private HorizontalLayout planActions(SavedBackupPlan plan) {
        Button run = new Button("Back up now", VaadinIcon.PLAY.create(), e -> Outcomes.act(() -> {
            BackupRunRecord started = backups.backUp(plan.name(), BackupReason.MANUAL);
            historyChanged.run();
            return "Backup " + started.id() + " started.";
        }));
        run.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        run.setId("run-" + plan.name());
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> PlanDialog.open(backups, plan, defaultTarget, this::refresh));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel("Edit " + plan.name());
        edit.setId("edit-" + plan.name());
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> new FormDialog("Delete plan " + plan.name() + "?", "Delete", () -> {
            backups.deletePlan(plan.name());
            refresh();
        }, new Span("Its schedule stops. Its sets and their history stay.")).open());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + plan.name());
        return new HorizontalLayout(run, edit, delete);
    }

    private void openTargetFolders() {
        TargetFolders now = backups.targetFolders();
        TextArea added = new TextArea("More folders plan targets may be under (one per line)");
        added.setValue(String.join("\n", now.added()));
        added.setWidthFull();
        added.setId("target-folders-added");
        new FormDialog("Backup target folders", "Save", () -> {
            backups.allowTargetFolders(added.getValue().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
            FormDialog.confirmDone("Target folders saved.");
        }, new Paragraph("Plans write their sets only under " + String.join(", ", now.configured())
                + " (the portal's configuration) and the folders below. Sets are readable by the portal's user only."), added).open();
    }

    private void openImport() {
        TextField folder = new TextField("Folder of the set (holding manifest.json)");
        folder.setWidthFull();
        new FormDialog("Import a backup set", "Import", () -> {
            BackupRunRecord imported = backups.importSet(folder.getValue());
            if (imported.status() != RunStatus.SUCCEEDED) {
                historyChanged.run();
                throw new IllegalArgumentException(imported.error());
            }
            FormDialog.confirmDone("Set " + imported.id() + " imported; it can be restored now.");
            historyChanged.run();
        }, folder).open();
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
}
