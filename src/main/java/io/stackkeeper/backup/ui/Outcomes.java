package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.stackkeeper.backup.DeletionNotConfirmedException;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/** Runs a button's action and tells how it went; a deletion to confirm goes back to the caller, which asks. */
final class Outcomes {

    private Outcomes() {
    }

    static void act(Supplier<String> action) {
        try {
            Notification.show(action.get(), 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DeletionNotConfirmedException e) {
            throw e;
        } catch (RuntimeException e) {
            Notification error = Notification.show(e instanceof AccessDeniedException
                    ? "You are not allowed to do this." : e.getMessage(), 8000, Notification.Position.TOP_CENTER);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
