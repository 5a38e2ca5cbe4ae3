package io.stackkeeper.logs;

import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.FollowedLogs;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * One part's container followed for the live viewers ({@link SharedStream}), as the portal: when the stream ends (the container
 * stopped or was recreated by an upgrade, a restore, a restart) or another container runs the part, it follows the one
 * running now from the last line seen, and marks the gap with what ran on the stack then. {@link #followIfDue} runs
 * on one thread at a time; lines come on the engine client's.
 */
final class ContainerFollow {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    private static final Duration IDENTITY_CHECK = Duration.ofSeconds(5);
    /** A stream opened this soon after its container started is opened again once (podman may follow a log file about to be replaced). */
    private static final Duration EARLY = Duration.ofSeconds(3);

    private final StackPart part;
    private final int tail;
    private final FollowedLines lines;
    private final StackService stack;
        private final RunningWork work;
    private final RedactionRules redaction;

    private volatile FollowedLogs current;
    private volatile String containerName;
    private volatile boolean ended = true;
    private volatile boolean closed;
    private volatile Instant lastSeen;
    /** Lines up to here were seen on the stream before: the engine's "since" is whole seconds. */
    private volatile Instant resumedAfter;
    private String followedId;
    private final Retries retries = new Retries(FIRST_RETRY, LAST_RETRY);
    private Instant checkedAt = Instant.EPOCH;
    private Instant followedAt = Instant.EPOCH;
    private boolean reopenedEarly;
    private boolean toldDown;

    ContainerFollow(StackPart part, int tail, FollowedLines lines, StackService stack, RunningWork work, RedactionRules redaction) {
        this.part = part;
        this.tail = tail;
        this.lines = lines;
        this.stack = stack;
        this.work = work;
        this.redaction = redaction;
    }

    /** Opens the stream if there is none, or again if it ended or its container was replaced; retries after failures. */
    synchronized void followIfDue(Instant now) {
        if (closed) {
            return;
        }
        if (!ended && now.isAfter(checkedAt.plus(IDENTITY_CHECK))) {
            checkedAt = now;
            if (replaced()) {
                ended = true;
                retries.tryAtOnce();
            }
        }
        if (!ended || !retries.due(now)) {
            return;
        }
        closeStream();
        try {
            ended = false;
            ContainerFacts running = SystemActor.call(() -> stack.container(part));
            containerName = running.name();
            // another container's lines in the last line's second (podman stamps whole seconds) are new, not seen again
            resumedAfter = running.id().equals(followedId) ? lastSeen : null;
            // marked before the new stream's first line can arrive: the mark and that line may share one second
            markTheGap(running, now);
            FollowedLogs opened = SystemActor.call(() -> stack.followLogs(part, lastSeen, tail, this::seen, this::streamEnded));
            containerName = opened.containerName();
            current = opened;
            if (closed) {
                closeStream();
                return;
            }
            followedAt = now;
            checkedAt = now;
            retries.succeeded();
        } catch (RuntimeException e) {
            ended = true;
            retries.failed(now);
            if (!toldDown && !closed) {
                toldDown = true;
                lines.mark(part.label(), markTime(), part.label() + " is not followed: " + e.getMessage()
                        + " Following it again once it runs.", monotonicMillis());
            }
        }
    }

    /** Stops the following; waits while a stream is being opened (call it off the page's thread). */
    void close() {
        closed = true;
        synchronized (this) {
            closeStream();
        }
    }

    private void markTheGap(ContainerFacts opened, Instant now) {
        String before = followedId;
        followedId = opened.id();
        boolean same = opened.id().equals(before);
        if (!same) {
            reopenedEarly = false;
        }
        if (!toldDown && (before == null || same)) {
            return; // the first stream, or the same container's stream opened again
        }
        String what = before == null ? part.label() + " runs: " + opened.name() + " " + shortId(opened.id())
                : opened.id().equals(before) ? part.label() + " restarted: " + opened.name() + " " + shortId(before)
                : part.label() + " recreated: " + opened.name() + " " + shortId(before) + " \u2192 " + shortId(opened.id());
        String during = work.at(now);
        lines.mark(opened.name(), markTime(), during == null ? what : what + " (" + during + ")", monotonicMillis());
        toldDown = false;
    }

    /**
     * The time of the last line seen: lines of one time keep the order they came in, so the mark sorts after the old
     * container's lines and before the new one's, even when the engine stamped both with one second.
     */
    private Instant markTime() {
        Instant last = lastSeen;
        return last == null ? Instant.now() : last;
    }

    private void seen(String stamped) {
        if (closed) {
            return;
        }
        int space = stamped.indexOf(' ');
        String redacted = redaction == RedactionRules.NONE || space < 0 ? stamped
                : stamped.substring(0, space + 1) + redaction.apply(stamped.substring(space + 1));
        LogLine line = LogParser.parseStamped(containerName, redacted, Instant.now());
        Instant after = resumedAfter;
        if (after != null && !line.at().isAfter(after)) {
            return;
        }
        Instant last = lastSeen;
        lastSeen = last == null || line.at().isAfter(last) ? line.at() : last;
        lines.offer(line, monotonicMillis());
    }

    private void streamEnded() {
        ended = true;
    }

    /**
     * Whether the stream should be opened again: another container runs the part now (a stream may outlive its
     * container), or the stream was opened in its container's first seconds, which happens once, from the last line.
     */
    private boolean replaced() {
        FollowedLogs open = current;
        try {
            ContainerFacts now = SystemActor.call(() -> stack.container(part));
            if (open == null || !now.running()) {
                return false;
            }
            if (!now.id().equals(open.containerId())) {
                return true;
            }
            if (!reopenedEarly && now.startedAt() != null && Duration.between(now.startedAt(), followedAt).compareTo(EARLY) < 0) {
                reopenedEarly = true;
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void closeStream() {
        FollowedLogs open = current;
        current = null;
        closeQuietly(open);
    }

    /** Closes a stream, if any; a failure to close leaves it gone either way. */
    static void closeQuietly(FollowedLogs open) {
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException e) {
                // the engine's end of it is gone with the connection
            }
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }
}
