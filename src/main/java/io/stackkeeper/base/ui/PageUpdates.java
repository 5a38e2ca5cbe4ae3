package io.stackkeeper.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import io.stackkeeper.base.DaemonThreads;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Changes to one open page, made in order on a thread of their own. {@code ui.access} runs the change and pushes it at
 * once when the page's lock is free, and a push to a page whose browser went away without a goodbye can wait for the
 * socket's send timeout: the work that reports (a backup, an upgrade) must never wait for it. A page that falls
 * {@value #MOST_WAITING} changes behind drops the oldest (the last change, a run's end, still arrives).
 */
final class PageUpdates implements Consumer<Command> {

    static final int MOST_WAITING = 1_000;
    private static final ExecutorService PAGES = Executors.newCachedThreadPool(DaemonThreads.named("page-update"));

    private final UI ui;
    private final Queue<Command> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    PageUpdates(UI ui) {
        this.ui = ui;
    }

    @Override
    public void accept(Command change) {
        if (count.incrementAndGet() > MOST_WAITING && waiting.poll() != null) {
            count.decrementAndGet();
        }
        waiting.add(change);
        if (draining.compareAndSet(false, true)) {
            PAGES.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Command change = waiting.poll(); change != null; change = waiting.poll()) {
                count.decrementAndGet();
                ui.access(change);
            }
        } catch (UIDetachedException gone) {
            waiting.clear();
            count.set(0);
        } finally {
            draining.set(false);
            if (!waiting.isEmpty() && draining.compareAndSet(false, true)) {
                PAGES.execute(this::drain);
            }
        }
    }
}
