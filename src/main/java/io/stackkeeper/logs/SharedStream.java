package io.stackkeeper.logs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One part's container followed once for every live viewer of it: the engine sends its lines once and they are parsed
 * and redacted once (ten viewers of a fast container would otherwise cost ten streams). It keeps the newest
 * {@code maxLines} lines and marks, so that a viewer opened later starts from its last lines as the first one did;
 * each viewer's {@link LiveTail} filters and batches on its own. Thread-safe.
 */
final class SharedStream implements FollowedLines {

    private record Seen(LogLine line, boolean mark) {
    }

    private final int maxLines;
    private final ArrayDeque<Seen> recent = new ArrayDeque<>();
    private final List<LiveTail> viewers = new ArrayList<>();
    private volatile ContainerFollow follow;
    private volatile ScheduledFuture<?> following;

    SharedStream(int maxLines) {
        this.maxLines = maxLines;
    }

    /** The following that feeds this stream and the task that drives it; set once, right after construction. */
    void followedBy(ContainerFollow follow, ScheduledFuture<?> following) {
        this.follow = follow;
        this.following = following;
    }

    ContainerFollow follow() {
        return follow;
    }

    ScheduledFuture<?> following() {
        return following;
    }

    /** Hands the viewer the newest {@code tail} lines seen (and the marks among them), then every line that comes. */
    synchronized void add(LiveTail viewer, int tail, long now) {
        int skip = Math.max(0, lineCount() - tail);
        for (Seen seen : recent) {
            if (skip > 0) {
                skip -= seen.mark() ? 0 : 1;
            } else {
                pass(viewer, seen, now);
            }
        }
        viewers.add(viewer);
    }

    /** Stops handing lines to the viewer; true when no viewer is left. */
    synchronized boolean remove(LiveTail viewer) {
        viewers.remove(viewer);
        return viewers.isEmpty();
    }

    @Override
    public synchronized void offer(LogLine line, long now) {
        remember(new Seen(line, false));
        for (LiveTail viewer : viewers) {
            viewer.offer(line, now);
        }
    }

    @Override
    public synchronized void mark(String container, Instant at, String text, long now) {
        remember(new Seen(LiveTail.markLine(container, at, text), true));
        for (LiveTail viewer : viewers) {
            viewer.mark(container, at, text, now);
        }
    }

    private void remember(Seen seen) {
        recent.addLast(seen);
        if (recent.size() > maxLines) {
            recent.removeFirst();
        }
    }

    private int lineCount() {
        int lines = 0;
        for (Iterator<Seen> all = recent.iterator(); all.hasNext(); ) {
            lines += all.next().mark() ? 0 : 1;
        }
        return lines;
    }

    private static void pass(LiveTail viewer, Seen seen, long now) {
        if (seen.mark()) {
            viewer.mark(seen.line().container(), seen.line().at(), seen.line().message(), now);
        } else {
            viewer.offer(seen.line(), now);
        }
    }
}
