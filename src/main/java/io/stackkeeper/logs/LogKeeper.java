package io.stackkeeper.logs;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.DataFolder;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.FollowedLogs;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsSaved;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the stack's logs in the {@link LogHistory} under {@code <data>/logs}: follows each kept container (the
 * backend by default) as the portal and appends its lines. When a container stops or is replaced (an upgrade, a
 * restore, a restart) its stream ends; the next tick follows the container that runs now, from the last line kept,
 * so the history crosses recreations and a portal restart catches up what was written meanwhile. Once a second it
 * writes what was gathered; once an hour it applies the caps. Log lines never go to the portal's own log.
 */
@Component
class LogKeeper {

    private static final Logger log = LoggerFactory.getLogger(LogKeeper.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    /** Short: the usual reason is a container being recreated, and its new lines should not wait. */
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** How far back the first follow reaches when nothing of the container is kept yet. */
    static final int FIRST_TAIL = 500;

    private final LogHistory history;
    private final StackService stack;
    private final LogsProperties properties;
    private final Clock clock;
    private final Map<StackPart, Following> following = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("log-keeper"));
    private volatile Instant enforcedAt = Instant.EPOCH;

    LogKeeper(DataFolder data, StackService stack, LogsProperties properties, Clock clock) {
        this.stack = stack;
        this.properties = properties;
        this.clock = clock;
        try {
            this.history = new LogHistory(data.resolve("logs"), properties.history());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the log history in " + data.resolve("logs") + ": " + e.getMessage(), e);
        }
        history.redaction(RedactionRules.of(properties.redactions()));
        properties.kept().forEach(part -> following.put(part, new Following(part)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ticks.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** Follows the containers of the stack as it is now configured, from the next tick on. */
    @TransactionalEventListener(fallbackExecution = true)
    void onStackSaved(StackSettingsSaved saved) {
        following.values().forEach(Following::refollow);
    }

    /** Starts or stops keeping a part's logs while the portal runs (the tests about logs; a settings page later). */
    void keep(StackPart part, boolean on) {
        if (on) {
            following.computeIfAbsent(part, Following::new);
        } else {
            Following stopped = following.remove(part);
            if (stopped != null) {
                stopped.stop();
            }
        }
    }

    LogHistory history() {
        return history;
    }

    /** The container a part's lines come from now, or null while it is not followed. */
    String followedContainer(StackPart part) {
        Following f = following.get(part);
        FollowedLogs current = f == null ? null : f.current;
        return current == null ? null : current.containerName();
    }

    void tick() {
        try {
            Instant now = clock.instant();
            following.values().forEach(f -> f.followIfDue(now));
            history.flush();
            if (Duration.between(enforcedAt, now).toHours() >= 1) {
                enforcedAt = now;
                history.enforce(now);
            }
        } catch (RuntimeException e) {
            log.warn("Keeping the stack's logs failed this second: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() throws IOException {
        ticks.shutdownNow();
        for (Following f : following.values()) {
            f.stop();
        }
        history.close();
    }

    /** One part's following: the open stream, the last line kept, and when to try again after a failure. */
    private final class Following {

        private final StackPart part;
        private volatile FollowedLogs current;
        private volatile boolean ended = true;
        private volatile Instant lastKept;
        /** The last line kept before this stream began: its lines up to here were kept by the one before. */
        private volatile Instant resumedAfter;
        private volatile Instant retryAt = Instant.EPOCH;
        private volatile Duration retry = FIRST_RETRY;
        private boolean resumed;

        Following(StackPart part) {
            this.part = part;
        }

        void followIfDue(Instant now) {
            if (!ended || now.isBefore(retryAt)) {
                return;
            }
            close();
            if (!resumed) {
                lastKept = newestKept(now);
                resumed = true;
            }
            try {
                ended = false;
                resumedAfter = lastKept;
                current = SystemActor.call(() -> stack.followLogs(part, lastKept, FIRST_TAIL, this::keep, this::streamEnded));
                retry = FIRST_RETRY;
                log.debug("Following the {}'s logs in {} after {}.", part.label(), current.containerName(), resumedAfter);
            } catch (RuntimeException e) {
                ended = true;
                retryAt = now.plus(retry);
                log.debug("The {}'s logs cannot be followed yet: {}", part.label(), e.getMessage());
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }

        private void keep(String stamped) {
            int space = stamped.indexOf(' ');
            Instant at = space > 0 ? Timestamps.parse(stamped.substring(0, space)) : null;
            Instant before = resumedAfter;
            if (at == null) {
                at = clock.instant();
            } else if (before != null && !at.isAfter(before)) {
                return; // the engine's "since" is whole seconds: lines up to the last one kept come again
            }
            Instant last = lastKept;
            // several lines read at once share one engine time: all are kept
            lastKept = last == null || at.isAfter(last) ? at : last;
            FollowedLogs from = current;
            history.append(part.label(), from == null ? part.label() : from.containerName(), at, space > 0 ? stamped.substring(space + 1) : stamped);
        }

        private Instant newestKept(Instant now) {
            List<LogLine> newest = history.search(List.of(part.label()), now.minus(properties.maxAge()), now.plus(Duration.ofMinutes(1)),
                    LogQuery.ALL, 1, true).lines();
            return newest.isEmpty() ? null : newest.get(newest.size() - 1).at();
        }

        private void streamEnded() {
            ended = true;
            log.debug("The {}'s log stream ended.", part.label());
        }

        void stop() {
            ended = true;
            close();
        }

        void refollow() {
            ended = true;
            retryAt = Instant.EPOCH;
            retry = FIRST_RETRY;
        }

        private void close() {
            FollowedLogs open = current;
            current = null;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException | RuntimeException e) {
                    log.debug("Closing the {}'s log stream failed: {}", part.label(), e.toString());
                }
            }
        }
    }
}
