package io.stackkeeper.stack;

/**
 * One component's facts or the reason they could not be read; exactly one of the two is set.
 *
 * @param millis how long reading took
 */
public record ComponentReading<T>(T facts, String error, long millis) {

    public boolean ok() {
        return error == null;
    }
}
