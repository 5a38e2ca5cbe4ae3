package io.stackkeeper.logs;

import java.time.Duration;
import java.time.Instant;

/** When to try again after a failure: the wait doubles from {@code first} up to {@code last}; a success starts over. */
final class Retries {

    private final Duration first;
    private final Duration last;
    private volatile Duration wait;
    private volatile Instant at = Instant.EPOCH;

    Retries(Duration first, Duration last) {
        this.first = first;
        this.last = last;
        this.wait = first;
    }

    boolean due(Instant now) {
        return !now.isBefore(at);
    }

    void failed(Instant now) {
        at = now.plus(wait);
        Duration doubled = wait.multipliedBy(2);
        wait = doubled.compareTo(last) > 0 ? last : doubled;
    }

    void succeeded() {
        wait = first;
    }

    /** The next attempt may come at once; the wait after a failure stays as it was. */
    void tryAtOnce() {
        at = Instant.EPOCH;
    }
}
