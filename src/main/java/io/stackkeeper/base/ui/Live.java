package io.stackkeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.server.Command;
import java.util.function.Consumer;
import java.util.function.Function;

/** News pushed to a page while it is open. */
public final class Live {

    private Live() {
    }

    /**
     * Subscribes each time the component is attached and unsubscribes when it is detached; {@code subscribe} gets the
     * component's UI (to {@code access} it from other threads) and answers how to unsubscribe.
     */
    public static void whileAttached(Component component, Function<UI, Runnable> subscribe) {
        component.addAttachListener(attach -> {
            Runnable unsubscribe = subscribe.apply(attach.getUI());
            Registration[] detach = new Registration[1];
            detach[0] = component.addDetachListener(detached -> {
                unsubscribe.run();
                detach[0].remove();
            });
        });
    }

    /**
     * How other threads change a page: in order, on a thread of the page's own, so that the thread that reports is
     * never held by a page whose connection hangs.
     */
    public static Consumer<Command> updates(UI ui) {
        return new PageUpdates(ui);
    }
}
