package io.stackkeeper.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Errors in a page become a short notification a person can act on, never a stack trace. */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new NotifyingErrorHandler()));
    }

    static String messageFor(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof AccessDeniedException) {
                return "You are not allowed to do this.";
            }
            if (cause instanceof IllegalArgumentException || cause instanceof java.util.NoSuchElementException
                    || cause instanceof IllegalStateException) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        return "Something went wrong; the details are in the portal's log.";
    }

    private static final class NotifyingErrorHandler implements ErrorHandler {
        @Override
        public void error(ErrorEvent event) {
            String message = messageFor(event.getThrowable());
            if (message.startsWith("Something went wrong")) {
                log.error("Unexpected error in the UI", event.getThrowable());
            }
            if (UI.getCurrent() != null) {
                UI.getCurrent().access(() -> {
                    Notification notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
                    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        }
    }
}
