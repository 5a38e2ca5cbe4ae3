package io.stackkeeper.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One HTTP exchange with a probe's target, bounded in time (headers and body together, so a target that trickles
 * its answer cannot hold a worker) and in memory (the body's first {@code limit} bytes are kept, the rest is read
 * and dropped).
 */
final class BoundedExchange implements Consumer<Optional<byte[]>> {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean overflowed;

    BoundedExchange(int limit) {
        this.limit = limit;
    }

    /**
     * Sends {@code request} and waits for the whole answer until {@code deadlineNanos} (of {@link System#nanoTime()});
     * past it the exchange is cancelled with "no complete answer within {@code timeoutMillis} ms".
     */
    HttpResponse<Void> send(HttpClient client, HttpRequest request, long deadlineNanos, long timeoutMillis)
            throws IOException, InterruptedException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw noAnswerWithin(timeoutMillis);
        }
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(this));
        try {
            return exchange.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw noAnswerWithin(timeoutMillis);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw noAnswerWithin(timeoutMillis);
            }
            throw new IOException(ProbeRunner.describe(e.getCause()), e.getCause());
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
