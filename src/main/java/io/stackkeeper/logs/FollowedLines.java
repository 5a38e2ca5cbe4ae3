package io.stackkeeper.logs;

import java.time.Instant;

/** Where a followed container's lines go: parsed lines, and marks between them (a container recreated). */
interface FollowedLines {

    /** The next line of a container, received at {@code now} (a monotonic clock's milliseconds). */
    void offer(LogLine line, long now);

    /** A mark in its place by time, shown whatever a viewer's filter. */
    void mark(String container, Instant at, String text, long now);
}
