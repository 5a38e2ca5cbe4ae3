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
    private static final Duration IDENTITY_CHECK = Duration.ofSeconds(5);

    private final LogHistory history;
    private final StackService stack;
    private final LogsProperties properties;
    private final Clock clock;
    private final Map<StackPart, Following> following = new java.util.concurrent.ConcurrentHashMap<>();
    private final CrashLines crashLines;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("log-keeper"));
    private volatile Instant enforcedAt = Instant.EPOCH;

    LogKeeper(DataFolder data, StackService stack, LogsProperties properties, Clock clock, Incidents incidents) {
        this.stack = stack;
        this.crashLines = new CrashLines(incidents, clock, this::linesBefore);
        this.properties = properties;
        this.clock = clock;
        try {
            this.history = new LogHistory(data.resolve("logs"), properties.history());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the log history in " + data.resolve("logs") + ": " + e.getMessage(), e);
        }
        history.redaction(RedactionRules.of(properties.redactions()));
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

    /** Starts or stops keeping a part's logs while the portal runs ({@link KeptParts}, at the start and at a switch). */
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
            crashLines.record();
            if (Duration.between(enforcedAt, now).toHours() >= 1) {
                enforcedAt = now;
                history.enforce(now);
            }
        } catch (RuntimeException e) {
            log.warn("Keeping the stack's logs failed this second: {}", e.toString());
        }
    }

    /** Whether the part's logs are kept now. */
    boolean keeps(StackPart part) {
        return following.containsKey(part);
    }

    /** Lines that did not come through the history, redacted by its rules. */
    List<String> redacted(List<String> lines) {
        return lines.stream().map(history::redact).toList();
    }

    /** The kept lines of a part before {@code until}, the newest {@code limit} of them, oldest first. */
    List<String> linesBefore(StackPart part, Instant until, int limit) {
        List<String> lines = history.search(List.of(part.label()), until.minus(properties.maxAge()), until, LogQuery.ALL, limit, true).lines()
                .stream().flatMap(line -> java.util.stream.Stream.concat(java.util.stream.Stream.of(line.raw()), line.continuation().stream())).toList();
        return lines.size() > limit ? lines.subList(lines.size() - limit, lines.size()) : lines;
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
        /** How many lines kept carry the time {@link #lastKept}, and how many of those a resumed stream has yet to skip. */
        private volatile int keptAtLast;
        private volatile int skipAtResume;
        private final Retries retries = new Retries(FIRST_RETRY, LAST_RETRY);
        private boolean resumed;
        private Instant checkedAt = Instant.EPOCH;
        /** The container followed last: a stream of another one starts at its first line. */
        private String followedId;
        private volatile Object opened;

        Following(StackPart part) {
            this.part = part;
        }

        void followIfDue(Instant now) {
            if (!ended && now.isAfter(checkedAt.plus(IDENTITY_CHECK))) {
                checkedAt = now;
                if (replaced()) {
                    log.debug("The {}'s container was replaced while its stream stayed open: following the new one.", part.label());
                    ended = true;
                    retries.tryAtOnce();
                }
            }
            if (!ended || !retries.due(now)) {
                return;
            }
            close();
            if (!resumed) {
                lastKept = newestKept(now);
                keptAtLast = lastKept == null ? 0 : keptAt(lastKept);
                resumed = true;
            }
            try {
                ended = false;
                io.stackkeeper.stack.ContainerFacts running = SystemActor.call(() -> stack.container(part));
                // A recreated container is read from its start, none of its lines skipped: the engine may stamp them
                // with the second of the old one's last line (podman: whole seconds).
                boolean newContainer = isNew(running) && running.startedAt() != null;
                if (newContainer) {
                    keptAtLast = 0;
                }
                resumedAfter = newContainer ? null : lastKept;
                skipAtResume = keptAtLast;
                Instant since = newContainer ? running.startedAt().minusSeconds(1) : lastKept;
                Object stream = new Object();
                opened = stream;
                current = SystemActor.call(() -> stack.followLogs(part, since, FIRST_TAIL, this::keep, () -> streamEnded(stream)));
                checkedAt = now;
                followedId = current.containerId();
                retries.succeeded();
                log.debug("Following the {}'s logs in {} after {}.", part.label(), current.containerName(), resumedAfter);
            } catch (RuntimeException e) {
                ended = true;
                retries.failed(now);
                log.debug("The {}'s logs cannot be followed yet: {}", part.label(), e.getMessage());
            }
        }

        private void keep(String stamped) {
            int space = stamped.indexOf(' ');
            Instant at = space > 0 ? Timestamps.parse(stamped.substring(0, space)) : null;
            Instant before = resumedAfter;
            if (at == null) {
                at = clock.instant();
            } else if (before != null && (at.isBefore(before) || at.equals(before) && skipAtResume-- > 0)) {
                return; // the engine's "since" is whole seconds: the lines kept of that second come again
            }
            Instant last = lastKept;
            // the engine may stamp several lines with one time (podman: whole seconds): all are kept, and counted
            if (last == null || at.isAfter(last)) {
                lastKept = at;
                keptAtLast = 1;
            } else if (at.equals(last)) {
                keptAtLast++;
            }
            FollowedLogs from = current;
            String container = from == null ? part.label() : from.containerName();
            String text = space > 0 ? stamped.substring(space + 1) : stamped;
            history.append(part.label(), container, at, text);
            crashLines.look(part, container, at, text);
        }


        /** Whether another container runs the part than the one followed before: one recreated while followed. */
        private boolean isNew(io.stackkeeper.stack.ContainerFacts running) {
            return followedId != null && !followedId.equals(running.id());
        }

        private int keptAt(Instant at) {
            return history.search(List.of(part.label()), at, at.plusNanos(1), LogQuery.ALL, LogService.MAX_PAGE, true).lines().stream()
                    .mapToInt(line -> 1 + line.continuation().size()).sum();
        }

        private Instant newestKept(Instant now) {
            List<LogLine> newest = history.search(List.of(part.label()), now.minus(properties.maxAge()), now.plus(Duration.ofMinutes(1)),
                    LogQuery.ALL, 1, true).lines();
            return newest.isEmpty() ? null : newest.get(newest.size() - 1).at();
        }

        /** Whether another container runs the part now than the one followed: a stream may outlive its container. */
        private boolean replaced() {
            FollowedLogs open = current;
            try {
                io.stackkeeper.stack.ContainerFacts now = SystemActor.call(() -> stack.container(part));
                return open != null && now.running() && !now.id().equals(open.containerId());
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** Only the stream followed now ends the following: a closed one tells its end later, on its own thread. */
        private void streamEnded(Object stream) {
            if (stream != opened) {
                return;
            }
            ended = true;
            log.debug("The {}'s log stream ended.", part.label());
        }

        void stop() {
            ended = true;
            close();
        }

        void refollow() {
            ended = true;
            retries.tryAtOnce();
            retries.succeeded();
        }

        private void close() {
            FollowedLogs open = current;
            current = null;
            ContainerFollow.closeQuietly(open);
        }
    }
}
