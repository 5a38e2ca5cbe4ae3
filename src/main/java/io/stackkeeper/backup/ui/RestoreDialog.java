package io.stackkeeper.backup.ui;

import io.stackkeeper.base.ui.DateTimes;

import io.stackkeeper.base.ui.StepRow;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RestoreOutcome;
import io.stackkeeper.backup.RestoreStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Restore a set onto the stack: typed confirmation of the stack's name, then the seven steps live. */
final class RestoreDialog extends Dialog {

    private final List<Div> stepRows = new ArrayList<>();
    private final Paragraph outcome = new Paragraph();

    RestoreDialog(BackupService backups, BackupRunRecord set, String stackName, Runnable finished) {
        setHeaderTitle("Restore " + set.id());
        setWidth("min(44rem, 95vw)");
        setCloseOnOutsideClick(false);
        Paragraph warning = new Paragraph("This replaces the stack's MongoDB content and storage folder with the set of "
                + DateTimes.MINUTES.format(set.startedAt()) + ". Nothing changes before every file of the set matches the manifest recorded when it "
                + "was written. A safety backup is taken first, MongoDB is swapped in only once it has fully loaded, and the current "
                + "storage folder is kept beside the restored one. The backend is stopped during the restore.");
        TextField confirmation = new TextField("Type the stack's name, " + stackName + ", to confirm");
        confirmation.setId("restore-confirmation");
        confirmation.setWidthFull();
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        Div steps = new Div();
        for (int n = 1; n <= RestoreStep.TITLES.size(); n++) {
            Div row = new Div();
            row.setId("restore-step-" + n);
            show(row, new RestoreStep(n, RestoreStep.TITLES.get(n - 1), RestoreStep.State.PENDING, ""));
            stepRows.add(row);
            steps.add(row);
        }
        outcome.setId("restore-outcome");
        add(warning, confirmation, steps, outcome);

        Button cancel = new Button("Cancel", e -> close());
        Button restore = new Button("Restore", VaadinIcon.ROTATE_LEFT.create());
        restore.setId("restore-start");
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        restore.setEnabled(false);
        confirmation.addValueChangeListener(e -> restore.setEnabled(stackName.equals(e.getValue().strip())));
        restore.addClickListener(click -> {
            restore.setEnabled(false);
            confirmation.setReadOnly(true);
            cancel.setEnabled(false);
            UI ui = UI.getCurrent();
            java.util.function.Consumer<com.vaadin.flow.server.Command> page = io.stackkeeper.base.ui.Live.updates(ui);
            SecurityContext caller = SecurityContextHolder.getContext();
            String typed = confirmation.getValue();
            CompletableFuture.supplyAsync(() -> {
                SecurityContextHolder.setContext(caller);
                try {
                    return backups.restore(set.id(), typed, step -> page.accept(() -> show(stepRows.get(step.number() - 1), step)));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }).whenComplete((result, error) -> page.accept(() -> {
                cancel.setText("Close");
                cancel.setEnabled(true);
                showOutcome(result, error);
                finished.run();
            }));
        });
        getFooter().add(cancel, restore);
    }

    private void showOutcome(RestoreOutcome result, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            outcome.setText("The restore did not start: " + cause.getMessage());
            outcome.addClassName("sk-error");
        } else {
            outcome.setText(result.message());
            outcome.addClassName(result.ok() ? "sk-ok" : "sk-error");
        }
    }

    private static void show(Div row, RestoreStep step) {
        row.removeAll();
        row.add(StepRow.of(step.state().name(), step.number() + ". " + step.title(), step.message()));
    }

}
