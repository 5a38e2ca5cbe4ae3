package io.stackkeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.NoSuchElementException;
import org.springframework.security.access.AccessDeniedException;

/**
 * A modal form: fields, a primary action and Cancel. When the action refuses the input, the reason is shown in the
 * dialog and the dialog stays open, so nothing typed is lost.
 */
public class FormDialog extends Dialog {

    /** The work behind the primary button; it may throw to refuse the input. */
    @FunctionalInterface
    public interface Action {
        void run();
    }

    private final FormLayout form = new FormLayout();
    private final Span error = new Span();

    public FormDialog(String title, String confirmLabel, Action action, Component... fields) {
        setHeaderTitle(title);
        setWidth("min(32rem, 95vw)");
        addClassName("sk-form-dialog");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(fields);
        error.addClassName("sk-error");
        error.setVisible(false);
        add(form, error);
        Button confirm = new Button(confirmLabel, e -> submit(action));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    private void submit(Action action) {
        try {
            action.run();
            close();
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            showError(e.getMessage());
        } catch (AccessDeniedException e) {
            showError("You are not allowed to do this.");
        }
    }

    public void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A green notification after a successful change. */
    public static void confirmDone(String message) {
        Notification notification = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
