package io.stackkeeper.logs;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The open live viewers: each a {@link LiveTail} fed by one {@link ContainerFollow} a container. One thread hands on
 * every viewer's batches (it only copies lines: pages take them on threads of their own), two others open and check
 * the streams, which can wait for the engine. At most {@value #MOST_VIEWERS} viewers at once.
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
    private final ScheduledExecutorService batches = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-logs"));
    private final ScheduledExecutorService follows = Executors.newScheduledThreadPool(2, DaemonThreads.named("live-logs-follow"));
    private final Set<Viewer> open = ConcurrentHashMap.newKeySet();

    LiveViewers(StackService stack, RunningWork work, LogsProperties properties) {
        this.stack = stack;
        this.work = work;
        this.maxLines = properties.liveLines();
        this.redaction = properties.redactions().isEmpty() ? RedactionRules.NONE : RedactionRules.of(properties.redactions());
    }

    /** Opens a viewer of the parts' containers from their last {@code tail} lines on, for {@code viewer}. */
    LiveLogs open(Set<StackPart> parts, int tail, LogQuery query, Consumer<List<LogLine>> onBatch, Authentication viewer) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Pick at least one container to follow.");
        }
        if (open.size() >= MOST_VIEWERS) {
            throw new IllegalStateException("Already " + MOST_VIEWERS + " live log viewers are open: close one first.");
        }
        LiveTail lines = new LiveTail(query, maxLines, onBatch);
        int first = Math.max(0, Math.min(tail, maxLines));
        List<ContainerFollow> streams = parts.stream().sorted()
                .map(part -> new ContainerFollow(part, first, lines, stack, viewer, work, redaction)).toList();
        Viewer opened = new Viewer(lines, streams);
        open.add(opened);
        opened.start();
        return opened;
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

    /** One open viewer: its lines, its streams and the two timers that drive them. */
    final class Viewer implements LiveLogs {

        private final LiveTail lines;
        private final List<ContainerFollow> streams;
        private volatile ScheduledFuture<?> ticking;
        private volatile ScheduledFuture<?> following;

        Viewer(LiveTail lines, List<ContainerFollow> streams) {
            this.lines = lines;
            this.streams = streams;
        }

        void start() {
            ticking = batches.scheduleWithFixedDelay(this::tick, LiveTail.BATCH_MILLIS, LiveTail.BATCH_MILLIS / 4, TimeUnit.MILLISECONDS);
            following = follows.scheduleWithFixedDelay(this::follow, 0, FOLLOW_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            try {
                lines.tick(ContainerFollow.monotonicMillis());
            } catch (RuntimeException e) {
                log.warn("A live log viewer's batch failed: {}", e.toString());
            }
        }

        private void follow() {
            Instant now = Instant.now();
            for (ContainerFollow stream : streams) {
                try {
                    stream.followIfDue(now);
                } catch (RuntimeException e) {
                    log.debug("Following a container for a live viewer failed: {}", e.toString());
                }
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
            ScheduledFuture<?> f = following;
            if (t != null) {
                t.cancel(false);
            }
            if (f != null) {
                f.cancel(false);
            }
            try {
                follows.execute(() -> streams.forEach(ContainerFollow::close));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                streams.forEach(ContainerFollow::close);
            }
        }
    }
}
