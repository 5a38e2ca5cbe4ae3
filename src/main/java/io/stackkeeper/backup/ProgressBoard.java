package io.stackkeeper.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of all running work, told to every subscriber (each open page) at most a few times per second per
 * run, and once more when a run ends.
 */
@org.springframework.stereotype.Component
class ProgressBoard {

    private static final Logger log = LoggerFactory.getLogger(ProgressBoard.class);
    private static final long INTERVAL_MILLIS = 250;

    private final Clock clock;
    private final Map<String, BackupProgress> running = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTold = new ConcurrentHashMap<>();
    private final List<Consumer<BackupProgress>> subscribers = new CopyOnWriteArrayList<>();

    ProgressBoard(Clock clock) {
        this.clock = clock;
    }

    /** A reporter for one run; {@code expectedBytes} (the last set's size) gives the fraction, 0 when unknown. */
    Reporter start(String runId, String plan, String work, long expectedBytes) {
        Instant started = clock.instant();
        tell(new BackupProgress(runId, plan, work, "starting", 0, 0, 0, expectedBytes > 0 ? 0 : -1, started, false, null), true);
        return new Reporter(runId, plan, work, expectedBytes, started);
    }

    List<BackupProgress> running() {
        return List.copyOf(running.values());
    }

    Runnable subscribe(Consumer<BackupProgress> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Tells every subscriber, unless this run was told less than the interval ago; returns whether it told them. */
    private boolean tell(BackupProgress progress, boolean always) {
        long now = System.nanoTime() / 1_000_000;
        Long last = lastTold.get(progress.runId());
        if (!always && last != null && now - last < INTERVAL_MILLIS) {
            running.put(progress.runId(), progress);
            return false;
        }
        lastTold.put(progress.runId(), now);
        if (progress.finished()) {
            running.remove(progress.runId());
            lastTold.remove(progress.runId());
        } else {
            running.put(progress.runId(), progress);
        }
        for (Consumer<BackupProgress> subscriber : subscribers) {
            try {
                subscriber.accept(progress);
            } catch (RuntimeException e) {
                log.debug("A progress subscriber failed: {}", e.toString());
            }
        }
        return true;
    }

    /** Reports one run's progress. */
    final class Reporter {
        private final String runId;
        private final String plan;
        private final String work;
        private final long expectedBytes;
        private final Instant started;
        private volatile long documents;
        private volatile long bytes;
        private volatile String current = "starting";
        private volatile boolean advancedBefore;

        private Reporter(String runId, String plan, String work, long expectedBytes, Instant started) {
            this.runId = runId;
            this.plan = plan;
            this.work = work;
            this.expectedBytes = expectedBytes;
            this.started = started;
        }

        /** Returns whether subscribers were told (at most a few times per second). */
        boolean advanced(String current, long documentsDone, long bytesDone) {
            this.current = current;
            this.documents = documentsDone;
            this.bytes = bytesDone;
            boolean told = tell(snapshot(false, null), !advancedBefore);
            advancedBefore = true;
            return told;
        }

        void finished(String error) {
            tell(snapshot(true, error), true);
        }

        private BackupProgress snapshot(boolean finished, String error) {
            long millis = Math.max(1, Duration.between(started, clock.instant()).toMillis());
            double fraction = finished ? 1 : expectedBytes > 0 ? Math.min(0.99, (double) bytes / expectedBytes) : -1;
            return new BackupProgress(runId, plan, work, current, documents, bytes, bytes * 1000 / millis, fraction, started, finished, error);
        }
    }
}
