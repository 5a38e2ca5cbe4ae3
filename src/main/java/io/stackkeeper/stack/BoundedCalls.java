package io.stackkeeper.stack;

import io.stackkeeper.base.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Blocking calls to stack components, run on a small I/O pool and given up after the configured timeout, so no page
 * or caller waits longer than that for a component that does not answer.
 */
@Component
class BoundedCalls {

    private final Duration timeout;
    private final ExecutorService io = Executors.newFixedThreadPool(8, DaemonThreads.named("stack-io"));

    BoundedCalls(StackProperties properties) {
        this.timeout = properties.timeout();
    }

    /** The limit of every network call to a stack component. */
    Duration timeout() {
        return timeout;
    }

    /** Runs the call and answers its result, or a {@link StackException} after the timeout. */
    <T> T bounded(Supplier<T> call) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(call, io);
        try {
            return future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StackException("No answer within " + timeout.toSeconds() + " s.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackException stack) {
                throw stack;
            }
            throw new StackException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted.");
        }
    }

    /** Runs the call in the background: its result, or why it failed, with how long it took. */
    <T> CompletableFuture<ComponentReading<T>> timed(Supplier<T> call) {
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(call, io)
                .orTimeout(timeout.toMillis() + 250, TimeUnit.MILLISECONDS)
                .handle((facts, error) -> error == null
                        ? new ComponentReading<>(facts, null, elapsed(start))
                        : new ComponentReading<>(null, describe(error), elapsed(start)));
    }

    /** Runs a connection test in the background: what it reached, or the exact failure. */
    CompletableFuture<ConnectionCheck> check(Supplier<String> probe) {
        return timed(probe).thenApply(result -> new ConnectionCheck(result.ok(), result.ok() ? result.facts() : result.error(), result.millis()));
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "No answer within " + timeout.toSeconds() + " s.";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @PreDestroy
    void shutdown() {
        io.shutdownNow();
    }
}
