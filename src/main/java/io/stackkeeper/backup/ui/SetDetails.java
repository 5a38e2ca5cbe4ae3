package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.DeletionNotConfirmedException;
import io.stackkeeper.backup.DumpedCollection;
import io.stackkeeper.backup.Manifest;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.stack.StackService;
import java.time.Duration;

/** One set: its facts, manifest and drill report; operators verify, drill and pin it, admins restore or delete it. */
class SetDetails extends Div {

    private final BackupService backups;
    private final StackService stack;
    private final boolean operator;
    private final boolean admin;
    private final Runnable historyChanged;

    SetDetails(BackupService backups, StackService stack, boolean operator, boolean admin, Runnable historyChanged) {
        this.backups = backups;
        this.stack = stack;
        this.operator = operator;
        this.admin = admin;
        this.historyChanged = historyChanged;
        setId("backup-details");
    }

    void show(BackupRunRecord selected) {
        removeAll();
        if (selected == null) {
            return;
        }
        BackupRunRecord run = backups.run(selected.id()).orElse(selected);
        add(new H4(run.id()));
        Div facts = new Div();
        facts.addClassName("sk-facts");
        fact(facts, "Status", run.status() + (run.removedAt() != null ? " (files removed by retention " + DateTimes.MINUTES.format(run.removedAt()) + ")" : ""));
        fact(facts, "Location", run.location());
        fact(facts, "Error", run.error());
        fact(facts, "Verify", run.verifiedAt() == null ? "never" : (run.verified() ? "all files match, " : String.join("; ", run.verifyProblems()) + ", ")
                + DateTimes.MINUTES.format(run.verifiedAt()));
        fact(facts, "Restore drill", run.drilledAt() == null ? "never" : (run.drillOk() ? "restorable in " : "FAILED after ")
                + Amounts.duration(Duration.ofMillis(run.drillMillis())) + ", " + DateTimes.MINUTES.format(run.drilledAt()));
        fact(facts, "Linked to", run.linkedTo());
        add(facts);
        backups.manifest(run.id()).ifPresent(manifest -> add(manifestPanel(manifest)));
        if (run.drillReport() != null) {
            add(new Pre(run.drillReport()));
        }
        if (operator && run.restorable()) {
            add(actions(run));
        }
    }

    private HorizontalLayout actions(BackupRunRecord run) {
        Button verify = new Button("Verify checksums", VaadinIcon.CHECK.create(), e -> Outcomes.act(() -> {
            BackupRunRecord checked = backups.verify(run.id());
            changed(checked);
            return checked.verified() ? "Every file matches the manifest." : "Bad files: " + String.join("; ", checked.verifyProblems());
        }));
        verify.setId("verify-set");
        Button drill = new Button("Restore drill", VaadinIcon.FLASK.create(), e -> Outcomes.act(() -> {
            BackupRunRecord drilled = backups.drill(run.id());
            changed(drilled);
            return drilled.drillOk() ? "Restorable: every collection matched." : "The drill found differences: " + drilled.drillReport();
        }));
        drill.setId("drill-set");
        Button pin = new Button(run.pinned() ? "Unpin" : "Pin (keep forever)", VaadinIcon.PIN.create(), e -> {
            try {
                Outcomes.act(() -> pinned(backups.pin(run.id(), !run.pinned())));
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
        return actions;
    }

    private void changed(BackupRunRecord run) {
        show(run);
        historyChanged.run();
    }

    private String pinned(BackupRunRecord changed) {
        changed(changed);
        return changed.pinned() ? "Pinned: retention keeps this set." : "Unpinned.";
    }

    private void openRestore(BackupRunRecord run) {
        String name = stack.stackName().orElse(null);
        if (name == null) {
            Notification.show("Configure the stack first.", 4000, Notification.Position.TOP_CENTER);
            return;
        }
        new RestoreDialog(backups, run, name, historyChanged).open();
    }

    private void openDelete(BackupRunRecord run) {
        TextField typed = new TextField("Type the set's id, " + run.id() + ", to confirm");
        typed.setWidthFull();
        typed.setId("delete-confirmation");
        new FormDialog("Delete set " + run.id() + " for good?", "Delete", () -> {
            changed(backups.deleteSet(run.id(), typed.getValue()));
            FormDialog.confirmDone("Set " + run.id() + " deleted; its history stays.");
        }, new Paragraph("Its files in " + run.location() + " are removed and cannot be restored any more."), typed).open();
    }

    private static Div manifestPanel(Manifest manifest) {
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
}
