package io.stackkeeper.logs;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The open live viewers: each a {@link LiveTail} fed by the {@link SharedStream} of each container it follows, one
 * stream a container however many viewers follow it, closed with its last viewer. Two threads filter and hand on
 * every viewer's batches (a viewer's filter has {@value LiveTail#TAKE_MILLIS} ms a tick; pages take the batches on
 * threads of their own), two others open and check the streams, a task each, which can wait for the engine. At most
 * {@value #MOST_VIEWERS} viewers at once.
 */
@Component
class LiveViewers {

    static final int MOST_VIEWERS = 50;
    private static final long FOLLOW_CHECK_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(LiveViewers.class);

    private final StackService stack;
    private final RunningWork work;
    private final int maxLines;
    private final RedactionRules redaction;
    private final ScheduledExecutorService batches = Executors.newScheduledThreadPool(2, DaemonThreads.named("live-logs"));
    private final ScheduledExecutorService follows = Executors.newScheduledThreadPool(2, DaemonThreads.named("live-logs-follow"));
    private final Set<Viewer> open = ConcurrentHashMap.newKeySet();
    private final Map<StackPart, SharedStream> streams = new EnumMap<>(StackPart.class);

    LiveViewers(StackService stack, RunningWork work, LogsProperties properties) {
        this.stack = stack;
        this.work = work;
        this.maxLines = properties.liveLines();
        this.redaction = properties.redactions().isEmpty() ? RedactionRules.NONE : RedactionRules.of(properties.redactions());
    }

    /** Opens a viewer of the parts' containers from their last {@code tail} lines on. */
    LiveLogs open(Set<StackPart> parts, int tail, LogQuery query, Consumer<List<LogLine>> onBatch) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Pick at least one container to follow.");
        }
        if (open.size() >= MOST_VIEWERS) {
            throw new IllegalStateException("Already " + MOST_VIEWERS + " live log viewers are open: close one first.");
        }
        LiveTail lines = new LiveTail(query, maxLines, onBatch);
        int first = Math.max(0, Math.min(tail, maxLines));
        Viewer opened = new Viewer(lines, List.copyOf(new TreeSet<>(parts)));
        open.add(opened);
        opened.start(first);
        return opened;
    }

    /** Adds the viewer to its parts' streams, opening those nobody follows yet (from the viewer's tail). */
    private synchronized void join(Viewer viewer, int tail) {
        long now = ContainerFollow.monotonicMillis();
        for (StackPart part : viewer.parts) {
            SharedStream stream = streams.computeIfAbsent(part, p -> {
                SharedStream shared = new SharedStream(maxLines);
                ContainerFollow follow = new ContainerFollow(p, tail, shared, stack, work, redaction);
                // a task a container: an engine call that hangs holds up that container's following only
                shared.followedBy(follow, follows.scheduleWithFixedDelay(() -> follow(follow), 0, FOLLOW_CHECK_MILLIS, TimeUnit.MILLISECONDS));
                return shared;
            });
            stream.add(viewer.lines, tail, now);
        }
    }

    /** Takes the viewer off its parts' streams; the streams it was the last viewer of are closed. */
    private synchronized List<ContainerFollow> leave(Viewer viewer) {
        List<ContainerFollow> unfollowed = new ArrayList<>();
        for (StackPart part : viewer.parts) {
            SharedStream stream = streams.get(part);
            if (stream != null && stream.remove(viewer.lines)) {
                streams.remove(part);
                stream.following().cancel(false);
                unfollowed.add(stream.follow());
            }
        }
        return unfollowed;
    }

    private static void follow(ContainerFollow stream) {
        try {
            stream.followIfDue(Instant.now());
        } catch (RuntimeException e) {
            log.debug("Following a container for the live viewers failed: {}", e.toString());
        }
    }

    /** How many containers are followed for the viewers now. */
    synchronized int followedContainers() {
        return streams.size();
    }

    /** How many viewers are open now. */
    int openViewers() {
        return open.size();
    }

    @PreDestroy
    void stop() {
        List.copyOf(open).forEach(Viewer::close);
        batches.shutdownNow();
        follows.shutdown();
    }

    /** One open viewer: its lines, the parts it follows and the timer that hands on its batches. */
    final class Viewer implements LiveLogs {

        private final LiveTail lines;
        private final List<StackPart> parts;
        private volatile ScheduledFuture<?> ticking;

        Viewer(LiveTail lines, List<StackPart> parts) {
            this.lines = lines;
            this.parts = parts;
        }

        void start(int tail) {
            join(this, tail);
            ticking = batches.scheduleWithFixedDelay(this::tick, LiveTail.BATCH_MILLIS, LiveTail.BATCH_MILLIS / 4, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            try {
                lines.tick(ContainerFollow.monotonicMillis());
            } catch (RuntimeException e) {
                log.warn("A live log viewer's batch failed: {}", e.toString());
            }
        }

        @Override
        public void pause() {
            lines.pause();
        }

        @Override
        public void resume() {
            lines.resume();
        }

        @Override
        public boolean paused() {
            return lines.paused();
        }

        @Override
        public int waiting() {
            return lines.waiting();
        }

        @Override
        public long dropped() {
            return lines.dropped();
        }

        @Override
        public List<LogLine> lines() {
            return lines.lines();
        }

        @Override
        public int maxLines() {
            return lines.maxLines();
        }

        /** Every line held by the viewer now (the memory test's measure). */
        int held() {
            return lines.held();
        }

        @Override
        public void close() {
            if (!open.remove(this)) {
                return;
            }
            ScheduledFuture<?> t = ticking;
            if (t != null) {
                t.cancel(false);
            }
            List<ContainerFollow> unfollowed = leave(this);
            try {
                follows.execute(() -> unfollowed.forEach(ContainerFollow::close));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                unfollowed.forEach(ContainerFollow::close);
            }
        }
    }
}
