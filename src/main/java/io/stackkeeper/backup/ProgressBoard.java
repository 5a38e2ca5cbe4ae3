package io.stackkeeper.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackkeeper.base.PortalNews;
import io.stackkeeper.base.TextLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * The progress of all running work, told to every subscriber (each open page) at most a few times per second per
 * run, and once more when a run ends; the same news goes to the pages of the other portals on the database, and
 * theirs comes here (a run heard of that falls silent for {@value #HEARD_SILENCE_MINUTES} minutes is no longer shown).
 */
@org.springframework.stereotype.Component
class ProgressBoard {

    private static final Logger log = LoggerFactory.getLogger(ProgressBoard.class);
    private static final long INTERVAL_MILLIS = 250;
    static final long HEARD_SILENCE_MINUTES = 10;
    private static final int MOST_HEARD = 200;
    private static final String TOPIC = "backup-progress";

    private final Clock clock;
    private final PortalNews news;
    private final ObjectMapper json;
    private final Map<String, BackupProgress> running = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTold = new ConcurrentHashMap<>();
    private final Map<String, Heard> heard = new ConcurrentHashMap<>();
    private final List<Consumer<BackupProgress>> subscribers = new CopyOnWriteArrayList<>();

    private record Heard(BackupProgress progress, Instant at) {
    }

    ProgressBoard(Clock clock, PortalNews news, ObjectMapper json) {
        this.clock = clock;
        this.news = news;
        this.json = json;
    }

    /** A reporter for one run; {@code expectedBytes} (the last set's size) gives the fraction, 0 when unknown. */
    Reporter start(String runId, String plan, String work, long expectedBytes) {
        Instant started = clock.instant();
        tell(new BackupProgress(runId, plan, work, "starting", 0, 0, 0, expectedBytes > 0 ? 0 : -1, started, false, null), true);
        return new Reporter(runId, plan, work, expectedBytes, started);
    }

    List<BackupProgress> running() {
        Instant silent = clock.instant().minus(Duration.ofMinutes(HEARD_SILENCE_MINUTES));
        heard.values().removeIf(h -> h.at().isBefore(silent));
        List<BackupProgress> all = new ArrayList<>(running.values());
        heard.values().forEach(h -> all.add(h.progress()));
        return all;
    }

    Runnable subscribe(Consumer<BackupProgress> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Progress of work on another portal: shown here as it is there, apart from the work of this portal. */
    @EventListener
    void heard(PortalNews.Heard news) {
        if (!TOPIC.equals(news.topic())) {
            return;
        }
        BackupProgress progress;
        try {
            progress = json.readValue(news.text(), BackupProgress.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.debug("Progress heard from another portal could not be read: {}", e.toString());
            return;
        }
        if (progress.runId() == null || progress.plan() == null || progress.work() == null || progress.startedAt() == null
                || running.containsKey(progress.runId())) {
            return;
        }
        String key = news.portal() + "/" + progress.runId();
        if (progress.finished()) {
            heard.remove(key);
        } else if (heard.size() < MOST_HEARD || heard.containsKey(key)) {
            heard.put(key, new Heard(progress, clock.instant()));
        } else {
            return;
        }
        toSubscribers(progress);
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
        if (news.enabled()) {
            try {
                news.tell(TOPIC, json.writeValueAsString(clipped(progress)));
            } catch (JsonProcessingException e) {
                log.debug("Progress not told to the other portals: {}", e.toString());
            }
        }
        toSubscribers(progress);
        return true;
    }

    /** Small enough for the news: a long path or error is cut. */
    private static BackupProgress clipped(BackupProgress p) {
        return new BackupProgress(p.runId(), p.plan(), p.work(), TextLimits.clip(p.current(), 300), p.documentsDone(), p.bytesDone(),
                p.bytesPerSecond(), p.fraction(), p.startedAt(), p.finished(), TextLimits.clip(p.error(), 1_000));
    }

    private void toSubscribers(BackupProgress progress) {
        for (Consumer<BackupProgress> subscriber : subscribers) {
            try {
                subscriber.accept(progress);
            } catch (RuntimeException e) {
                log.debug("A progress subscriber failed: {}", e.toString());
            }
        }
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
