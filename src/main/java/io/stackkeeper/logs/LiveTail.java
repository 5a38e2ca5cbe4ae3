package io.stackkeeper.logs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The lines of one open live viewer between the followed containers and the page: groups each container's stack
 * traces ({@link LogGrouper}), keeps what passes the viewer's {@link LogQuery}, holds every line {@value #HOLD_MILLIS}
 * ms so that the containers' lines merge by time, and hands them on in batches, at most one every
 * {@value #BATCH_MILLIS} ms. It holds at most {@code maxLines} lines in one ring: the lines shown, then those waiting
 * while paused; past the bound the oldest shown line goes, and once only waiting lines are left, the oldest of them
 * (counted as dropped). Thread-safe: streams {@link #offer} lines into an inbox of at most {@code maxLines} (a
 * container's stream, shared by its viewers, never waits for one viewer's filter); one flusher calls {@link #tick},
 * which takes them in, grouped and filtered, for at most {@value #TAKE_MILLIS} ms a tick. Times are a monotonic
 * clock's milliseconds.
 */
final class LiveTail implements FollowedLines {

    static final long HOLD_MILLIS = 250;
    static final long BATCH_MILLIS = 200;
    /** The most a tick spends on filtering new lines: a slow pattern slows its own viewer only. */
    static final long TAKE_MILLIS = 20;

    /** A line or a mark as it came, and when. */
    private record Received(LogLine line, long at, boolean mark) {
    }

    private record Held(LogLine line, long dueAt, long order) {
    }

    /** A container's group being read: its stack trace may go on until the container's next other line. */
    private static final class OpenGroup {
        final LogGrouper grouper = new LogGrouper();
        long startedAt;
        long lastAt;
    }

    private static final Comparator<Held> BY_TIME = Comparator.comparing((Held held) -> held.line().at()).thenComparingLong(Held::order);

    private final LogQuery query;
    private final int maxLines;
    private final Consumer<List<LogLine>> batches;
    private final Map<String, OpenGroup> open = new HashMap<>();
    private final PriorityQueue<Held> held = new PriorityQueue<>(BY_TIME);
    private final ArrayDeque<LogLine> ring = new ArrayDeque<>();
    private final ArrayDeque<Received> inbox = new ArrayDeque<>();
    private int waiting;
    private long dropped;
    private long order;
    private boolean paused;
    /** The waiting and dropped lines the last empty batch told of. */
    private long told = -1;
    private long lastBatchAt = Long.MIN_VALUE / 2;

    /** {@code batches} gets the new lines, oldest first; while paused an empty batch tells that more wait. */
    LiveTail(LogQuery query, int maxLines, Consumer<List<LogLine>> batches) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("A live viewer holds at least one line, not " + maxLines);
        }
        this.query = query;
        this.maxLines = maxLines;
        this.batches = batches;
    }

    /** Takes the next line of a container, received at {@code now}. */
    @Override
    public void offer(LogLine line, long now) {
        receive(new Received(line, now, false));
    }

    /** Puts a mark between the lines (a container recreated), shown whatever the filter, in its place by time. */
    @Override
    public void mark(String container, Instant at, String text, long now) {
        receive(new Received(markLine(container, at, text), now, true));
    }

    static LogLine markLine(String container, Instant at, String text) {
        return new LogLine(container, at, at, LogLevel.WARN, "stackkeeper", text, null, text, false, null);
    }

    private void receive(Received received) {
        synchronized (inbox) {
            inbox.addLast(received);
            if (inbox.size() > maxLines) {
                inbox.removeFirst();
                synchronized (this) {
                    dropped++;
                }
            }
        }
    }

    /** Takes in what came, until the inbox is empty or the tick's time for it is spent. */
    private void takeIn() {
        long until = System.nanoTime() + TAKE_MILLIS * 1_000_000;
        while (true) {
            Received next;
            synchronized (inbox) {
                next = inbox.pollFirst();
            }
            if (next == null) {
                return;
            }
            synchronized (this) {
                if (next.mark()) {
                    hold(next.line(), next.at() + HOLD_MILLIS, false);
                } else {
                    group(next.line(), next.at());
                }
            }
            if (System.nanoTime() > until) {
                return;
            }
        }
    }

    private void group(LogLine line, long now) {
        OpenGroup group = open.get(line.container());
        if (group == null) {
            group = new OpenGroup();
            open.put(line.container(), group);
            group.startedAt = now;
        }
        Optional<LogLine> done = group.grouper.add(line);
        if (done.isPresent()) {
            hold(done.get(), group.startedAt + HOLD_MILLIS, true);
            group.startedAt = now;
        }
        group.lastAt = now;
    }


    /**
     * Closes the groups of containers quiet for {@value #HOLD_MILLIS} ms, lets go of the lines held long enough and,
     * unless paused or a batch went out less than {@value #BATCH_MILLIS} ms ago, hands the new ones on.
     */
    void tick(long now) {
        takeIn();
        List<LogLine> batch;
        synchronized (this) {
            for (Iterator<OpenGroup> groups = open.values().iterator(); groups.hasNext(); ) {
                OpenGroup group = groups.next();
                if (now - group.lastAt >= HOLD_MILLIS) {
                    group.grouper.flush().forEach(line -> hold(line, now, true));
                    groups.remove();
                }
            }
            while (!held.isEmpty() && held.peek().dueAt() <= now) {
                keep(held.poll().line());
            }
            if (now - lastBatchAt < BATCH_MILLIS) {
                return;
            }
            batch = paused ? waitingNews() : takeWaiting();
            if (batch == null) {
                return;
            }
            lastBatchAt = now;
        }
        batches.accept(batch);
    }

    synchronized void pause() {
        paused = true;
    }

    /** Shows the waiting lines with the next batch, and forgets how many were dropped. */
    synchronized void resume() {
        paused = false;
        dropped = 0;
    }

    synchronized boolean paused() {
        return paused;
    }

    /** How many lines wait to be shown. */
    synchronized int waiting() {
        return waiting;
    }

    /** How many waiting lines were dropped since the last resume, the ring being full. */
    synchronized long dropped() {
        return dropped;
    }

    /** The lines handed on so far that the ring still holds, oldest first. */
    synchronized List<LogLine> lines() {
        int shown = ring.size() - waiting;
        List<LogLine> lines = new ArrayList<>(shown);
        Iterator<LogLine> all = ring.iterator();
        for (int i = 0; i < shown; i++) {
            lines.add(all.next());
        }
        return lines;
    }

    /** Every line held now: come in, shown, waiting, and not yet let go; never more than three times the bound and the open groups. */
    int held() {
        int received;
        synchronized (inbox) {
            received = inbox.size();
        }
        synchronized (this) {
            return ring.size() + held.size() + received;
        }
    }

    int maxLines() {
        return maxLines;
    }

    private void hold(LogLine line, long dueAt, boolean filtered) {
        if (filtered && !passes(line)) {
            return;
        }
        held.add(new Held(line, dueAt, order++));
        if (held.size() > maxLines) {
            keep(held.poll().line());
        }
    }

    private boolean passes(LogLine line) {
        try {
            return query.matches(line);
        } catch (SlowPatternException tooSlow) {
            return false;
        }
    }

    private void keep(LogLine line) {
        ring.addLast(line);
        waiting++;
        if (ring.size() > maxLines) {
            ring.removeFirst();
            if (waiting > ring.size()) {
                waiting--;
                dropped++;
            }
        }
    }

    private List<LogLine> takeWaiting() {
        if (waiting == 0) {
            return null;
        }
        List<LogLine> batch = new ArrayList<>(waiting);
        Iterator<LogLine> newest = ring.descendingIterator();
        for (int i = 0; i < waiting; i++) {
            batch.add(newest.next());
        }
        java.util.Collections.reverse(batch);
        waiting = 0;
        told = -1;
        return batch;
    }

    /** While paused, an empty batch when more lines wait (or were dropped) than the last one told. */
    private List<LogLine> waitingNews() {
        if (waiting == 0 || waiting + dropped == told) {
            return null;
        }
        told = waiting + dropped;
        return List.of();
    }
}
