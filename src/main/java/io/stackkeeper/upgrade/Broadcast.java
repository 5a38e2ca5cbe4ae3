package io.stackkeeper.upgrade;

import io.stackkeeper.base.DaemonThreads;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * News for every subscriber (each open page), in order, on a thread of its own: the work that tells never waits for a
 * page. A subscriber that fails is logged and does not stop the others.
 */
final class Broadcast<T> {

    private static final Logger log = LoggerFactory.getLogger(Broadcast.class);

    private final List<Consumer<T>> subscribers = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ExecutorService delivery;

    Broadcast(String name) {
        delivery = java.util.concurrent.Executors.newSingleThreadExecutor(DaemonThreads.named(name));
    }

    /** Adds a subscriber; run the answer to remove it. */
    Runnable subscribe(Consumer<T> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    void tell(T news) {
        if (subscribers.isEmpty()) {
            return;
        }
        delivery.execute(() -> {
            for (Consumer<T> subscriber : subscribers) {
                try {
                    subscriber.accept(news);
                } catch (RuntimeException e) {
                    log.debug("A subscriber failed: {}", e.toString());
                }
            }
        });
    }

    /** Stops delivering; news told later is dropped. */
    void close() {
        delivery.shutdownNow();
    }
}
