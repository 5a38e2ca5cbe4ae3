package io.stackkeeper.stack;

/** The result of a "Test connection": what was reached (version, auth) or the exact failure, and how long it took. */
public record ConnectionCheck(boolean ok, String message, long millis) {
}
