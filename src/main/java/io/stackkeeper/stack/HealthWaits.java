package io.stackkeeper.stack;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Waits for the backend or frontend to answer 200 on its health paths after it was (re)started. */
@Component
record HealthWaits(StackSettingsStore store, BoundedCalls calls) {

    void backend(Duration limit) {
        UnsealedSettings s = store.required();
        await("backend", limit, () -> firstRefusal(s.backendUrl(), s.statusUserAgent(), "/", "/status"));
    }

    void frontend(Duration limit) {
        UnsealedSettings s = store.required();
        await("frontend", limit, () -> firstRefusal(s.frontendUrl(), null, "/", "/tucana-version.txt"));
    }

    /** The first of the paths that does not answer 200 ({@code /status answered 503}), or null when all do. */
    private String firstRefusal(String base, String userAgent, String... paths) {
        for (String path : paths) {
            int status = StackHttp.get(base, path, userAgent, calls.timeout()).statusCode();
            if (status != 200) {
                return path + " answered " + status;
            }
        }
        return null;
    }

    /** Polls {@code problem} (null when healthy) every 250 ms until it is healthy, or fails with the last problem. */
    private static void await(String what, Duration limit, Supplier<String> problem) {
        long deadline = System.nanoTime() + limit.toNanos();
        String last;
        while (true) {
            try {
                last = problem.get();
                if (last == null) {
                    return;
                }
            } catch (StackException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("The " + what + " was not healthy within " + limit.toSeconds() + " s: " + last + ".");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for the " + what + ".");
            }
        }
    }
}
