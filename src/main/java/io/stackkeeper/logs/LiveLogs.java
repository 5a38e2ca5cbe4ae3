package io.stackkeeper.logs;

import java.util.List;

/**
 * An open live viewer of the stack's logs ({@link LogService#follow}): its lines, pausing and resuming. Close it when
 * the page goes: that closes its streams.
 */
public interface LiveLogs extends AutoCloseable {

    /** Keeps the lines coming, but waiting: none are handed on until {@link #resume}. */
    void pause();

    /** Hands on the waiting lines with the next batch and the new ones after them. */
    void resume();

    boolean paused();

    /** How many lines wait while paused. */
    int waiting();

    /** How many waiting lines were dropped, oldest first, since the last resume: the viewer holds at most {@link #maxLines}. */
    long dropped();

    /** The lines handed on that the viewer still holds, oldest first, at most {@link #maxLines}. */
    List<LogLine> lines();

    /** The most lines the viewer holds, shown and waiting. */
    int maxLines();

    @Override
    void close();
}
