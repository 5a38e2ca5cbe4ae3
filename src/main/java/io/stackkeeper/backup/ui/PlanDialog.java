package io.stackkeeper.backup.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.stackkeeper.backup.BackupPlanSettings;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.Contents;
import io.stackkeeper.backup.CronSchedule;
import io.stackkeeper.backup.RetentionDecision;
import io.stackkeeper.backup.RetentionPolicy;
import io.stackkeeper.backup.SavedBackupPlan;
import io.stackkeeper.backup.TargetFolders;
import io.stackkeeper.backup.DeletionNotConfirmedException;
import com.vaadin.flow.component.html.Paragraph;
import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.ui.FormDialog;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates or edits a plan: the schedule in words with its next runs, and what the retention would remove. */
final class PlanDialog {

    private PlanDialog() {
    }

    static FormDialog open(BackupService backups, SavedBackupPlan existing, String defaultTarget, Runnable saved) {
        BackupPlanSettings start = existing != null ? existing.settings()
                : new BackupPlanSettings("", "0 0 2 * * ?", defaultTarget, Contents.BOTH, false, 3, RetentionPolicy.standard(), null, true);
        TextField name = new TextField("Name", start.name(), "");
        name.setId("plan-name");
        name.setHelperText("Lower-case letters, digits and dashes, e.g. hourly-db");
        TextField cron = new TextField("Schedule (Quartz cron, UTC)", start.cron(), "");
        cron.setId("plan-cron");
        cron.setValueChangeMode(ValueChangeMode.LAZY);
        Div scheduleWords = new Div();
        scheduleWords.addClassName("sk-hint");
        scheduleWords.setId("plan-schedule-words");
        TextField target = new TextField("Target folder", start.target(), "/var/backups/stack");
        target.setId("plan-target");
        TargetFolders folders = backups.targetFolders();
        target.setHelperText("Under " + String.join(" or ", java.util.stream.Stream.concat(folders.configured().stream(),
                folders.added().stream()).toList()));
        Select<Contents> contents = new Select<>();
        contents.setLabel("Contents");
        contents.setItems(Contents.values());
        contents.setItemLabelGenerator(Contents::label);
        contents.setValue(start.contents());
        IntegerField compression = new IntegerField("Compression level (1 fastest - 9 smallest)");
        compression.setMin(1);
        compression.setMax(9);
        compression.setStepButtonsVisible(true);
        compression.setValue(start.compressionLevel());
        Checkbox system = new Checkbox("Include the system databases (admin, local, config)", start.includeSystemDatabases());
        RetentionPolicy r = start.retention();
        IntegerField keepLast = keep("Keep last", r.keepLast());
        IntegerField keepHourly = keep("Hourly", r.keepHourly());
        IntegerField keepDaily = keep("Daily", r.keepDaily());
        IntegerField keepWeekly = keep("Weekly", r.keepWeekly());
        IntegerField keepMonthly = keep("Monthly", r.keepMonthly());
        IntegerField keepYearly = keep("Yearly", r.keepYearly());
        keepDaily.setId("plan-keep-daily");
        Div keeps = new Div(keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly);
        keeps.getStyle().set("display", "grid").set("grid-template-columns", "repeat(3, 1fr)").set("gap", "0 var(--lumo-space-s)");
        Span retentionPreview = new Span();
        retentionPreview.addClassName("sk-hint");
        retentionPreview.setId("plan-retention-preview");
        TextField verifyCron = new TextField("Verify the newest set on a schedule (optional cron)", start.verifyCron() == null ? "" : start.verifyCron(), "");
        Checkbox enabled = new Checkbox("Enabled", start.enabled());

        Runnable describe = () -> {
            try {
                CronSchedule schedule = new CronSchedule(cron.getValue());
                scheduleWords.setText(schedule.inWords() + ". Next: " + schedule.nextRuns(Instant.now(), 5).stream()
                        .map(DateTimes.SCHEDULE::format).collect(Collectors.joining(", ")));
                cron.setInvalid(false);
            } catch (IllegalArgumentException e) {
                scheduleWords.setText("");
                cron.setErrorMessage(e.getMessage());
                cron.setInvalid(true);
            }
        };
        Runnable preview = () -> {
            if (existing == null) {
                retentionPreview.setText("Retention applies after each successful backup of this plan.");
                return;
            }
            try {
                RetentionDecision decision = backups.previewRetention(existing.name(), new RetentionPolicy(value(keepLast), value(keepHourly),
                        value(keepDaily), value(keepWeekly), value(keepMonthly), value(keepYearly)));
                retentionPreview.setText("With this policy " + decision.keep().size() + " existing sets stay and " + decision.remove().size()
                        + " would be removed" + (decision.remove().isEmpty() ? "." : ": " + decision.remove().stream()
                                .map(gone -> DateTimes.MINUTES.format(gone.time())).collect(Collectors.joining(", ")) + "."));
            } catch (IllegalArgumentException e) {
                retentionPreview.setText(e.getMessage());
            }
        };
        cron.addValueChangeListener(e -> describe.run());
        for (IntegerField field : new IntegerField[] {keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly}) {
            field.addValueChangeListener(e -> preview.run());
        }
        describe.run();
        preview.run();

        FormDialog[] dialog = new FormDialog[1];
        dialog[0] = new FormDialog(existing == null ? "New backup plan" : "Edit plan " + existing.name(), "Save", () -> {
            RetentionPolicy retention = new RetentionPolicy(value(keepLast), value(keepHourly), value(keepDaily), value(keepWeekly),
                    value(keepMonthly), value(keepYearly));
            BackupPlanSettings settings = new BackupPlanSettings(name.getValue().strip(), cron.getValue(), target.getValue(),
                    contents.getValue(), system.getValue(), compression.getValue() == null ? 0 : compression.getValue(), retention,
                    verifyCron.getValue(), enabled.getValue());
            Long id = existing == null ? null : existing.id();
            try {
                backups.savePlan(id, settings);
            } catch (DeletionNotConfirmedException wouldDelete) {
                new FormDialog("Sets would be deleted", "Save and let retention delete them", () -> {
                    backups.savePlan(id, settings, true);
                    dialog[0].close();
                    saved.run();
                }, new Paragraph(wouldDelete.getMessage())).open();
                throw new IllegalStateException("Not saved yet: confirm the deletion in the dialog that opened.");
            } catch (FieldsRefusedException e) {
                Map<String, String> errors = e.fieldErrors();
                mark(name, errors.get("name"));
                mark(cron, errors.get("cron"));
                mark(target, errors.get("target"));
                mark(verifyCron, errors.get("verifyCron"));
                throw e;
            }
            FormDialog.confirmDone("Plan " + name.getValue().strip() + " saved.");
            saved.run();
        }, name, cron, scheduleWords, target, contents, compression, system, new Span("Retention (sets kept per rule; 0 = off)"), keeps,
                retentionPreview, verifyCron, enabled);
        dialog[0].setWidth("min(40rem, 95vw)");
        dialog[0].open();
        return dialog[0];
    }

    private static IntegerField keep(String label, int value) {
        IntegerField field = new IntegerField(label);
        field.setMin(0);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static void mark(TextField field, String error) {
        field.setInvalid(error != null);
        field.setErrorMessage(error);
    }
}
