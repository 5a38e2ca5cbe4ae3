package io.stackkeeper.monitoring;

import io.stackkeeper.base.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One HTTP exchange with a probe's target, bounded in time (headers and body together, so a target that trickles
 * its answer cannot hold a worker) and in memory (the body's first {@code limit} bytes are kept, the rest is read
 * and dropped).
 */
final class BoundedExchange implements Consumer<Optional<byte[]>> {

    /** How often the deadlines are looked at: how late past its timeout an exchange may give up. */
    static final long TICK_MILLIS = 25;
    private static final Set<Alarm> WAITING = ConcurrentHashMap.newKeySet();

    static {
        DaemonThreads.named("answer-deadline").newThread(BoundedExchange::watchDeadlines).start();
    }

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean overflowed;

    BoundedExchange(int limit) {
        this.limit = limit;
    }

    /**
     * Sends {@code request} and waits for the whole answer until {@code deadlineNanos} (of {@link System#nanoTime()});
     * past it the exchange is cancelled with "no complete answer within {@code timeoutMillis} ms".
     * <p>
     * The client's blocking {@code send} is used on purpose: its {@code sendAsync} hands every answer to the common
     * pool's default executor, which on a machine with two cores starts a new thread per request. The deadline is an
     * alarm that interrupts this thread, which makes {@code send} give up. One thread looks at every alarm a few times
     * a second: a timer per request woke a thread per request, even for the cancelled ones.
     */
    HttpResponse<Void> send(HttpClient client, HttpRequest request, long deadlineNanos, long timeoutMillis)
            throws IOException, InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw noAnswerWithin(timeoutMillis);
        }
        Alarm alarm = new Alarm(Thread.currentThread(), deadlineNanos);
        WAITING.add(alarm);
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(this));
        } catch (InterruptedException e) {
            if (alarm.rang()) {
                throw noAnswerWithin(timeoutMillis);
            }
            throw e;
        } catch (HttpTimeoutException e) {
            throw noAnswerWithin(timeoutMillis);
        } finally {
            WAITING.remove(alarm);
            alarm.silence();
        }
    }

    private static void watchDeadlines() {
        while (true) {
            long now = System.nanoTime();
            for (Alarm alarm : WAITING) {
                if (now - alarm.deadline >= 0) {
                    alarm.ring();
                }
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Interrupts the waiting thread once at the deadline, and never after the wait is over. */
    private static final class Alarm {

        private final Thread waiting;
        private final long deadline;
        private boolean over;
        private boolean rang;

        Alarm(Thread waiting, long deadline) {
            this.waiting = waiting;
            this.deadline = deadline;
        }

        synchronized void ring() {
            if (!over && !rang) {
                rang = true;
                waiting.interrupt();
            }
        }

        synchronized boolean rang() {
            return rang;
        }

        /** Ends the wait; an interrupt the alarm set that nobody read yet is cleared, so it cannot hit later work. */
        synchronized void silence() {
            over = true;
            if (rang) {
                Thread.interrupted();
            }
        }
    }

    private static IllegalStateException noAnswerWithin(long timeoutMillis) {
        return new IllegalStateException("no complete answer within " + timeoutMillis + " ms");
    }

    @Override
    public synchronized void accept(Optional<byte[]> chunk) {
        chunk.ifPresent(bytes -> {
            int room = Math.max(0, limit - kept.size());
            kept.write(bytes, 0, Math.min(bytes.length, room));
            overflowed |= bytes.length > room;
        });
    }

    /** The kept part of the body. */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** Whether the body was longer than the limit. */
    synchronized boolean overflowed() {
        return overflowed;
    }
}
