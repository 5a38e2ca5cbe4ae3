package io.stackkeeper.logs;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.ContainerEvent;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsSaved;
import jakarta.annotation.PreDestroy;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Watches the engine's container events for the stack's containers: a death with a crash's exit code, or the engine's
 * {@code oom}, becomes a {@link Crash} with the container's last lines, recorded by {@link Incidents}. The event
 * stream is followed as the portal and again after it ends (the engine restarted, the settings changed); events are
 * handled on the watcher's own thread, never on the engine client's.
 */
@Component
class CrashWatcher {

    private static final Logger log = LoggerFactory.getLogger(CrashWatcher.class);
    /** An {@code oom} event is told just before the {@code die} it causes. */
    private static final Duration OOM_BEFORE_DEATH = Duration.ofSeconds(10);
    /** How long after a SIGKILL death a removal still tells that it was asked for. */
    private static final Duration ASKED_WINDOW = Duration.ofSeconds(2);
    /** A stop asked this long before a death explains it: the engine's stop timeout and a margin. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final StackService stack;
    private final Incidents incidents;
    private final LogKeeper keeper;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("crash-watcher"));
    private final Map<String, Instant> outOfMemoryAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> stopAskedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> removedAt = new ConcurrentHashMap<>();
    private volatile Map<String, StackPart> watched = Map.of();
    /** Where a new stream starts: the engine's events of the gap between two streams are read, not lost. */
    private volatile Instant lastEventAt;
    /** The events of the stack's containers handled lately: a stream that starts again reads its first second twice. */
    private final Set<ContainerEvent> seen = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ContainerEvent, Boolean> eldest) {
            return size() > 1_000;
        }
    });
    private volatile Closeable events;
    private volatile boolean ended = true;
    /** The stream being followed: a stream closed by the watcher tells its end after the next one began. */
    private volatile Object following;

    CrashWatcher(StackService stack, Incidents incidents, LogKeeper keeper) {
        this.stack = stack;
        this.incidents = incidents;
        this.keeper = keeper;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::followIfEnded, 0, 2, TimeUnit.SECONDS);
        // containers found by compose labels may get other names when recreated outside the portal
        thread.scheduleWithFixedDelay(() -> watched = containerNames(), 30, 30, TimeUnit.SECONDS);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onStackSaved(StackSettingsSaved saved) {
        thread.execute(() -> {
            close();
            followIfEnded();
        });
    }

    private void followIfEnded() {
        try {
            if (!ended || !SystemActor.call(stack::configured)) {
                return;
            }
            Object stream = new Object();
            watched = containerNames();
            following = stream;
            ended = false;
            Instant since = lastEventAt;
            events = SystemActor.call(() -> stack.followContainerEvents(since, e -> thread.execute(() -> handle(e)), () -> {
                if (following == stream) {
                    ended = true;
                }
            }));
            if (lastEventAt == null) {
                lastEventAt = Instant.now(); // a stream that ends before any event still resumes from here
            }
        } catch (RuntimeException e) {
            // an exception leaving a scheduled task would end it for good
            ended = true;
            log.debug("The engine's events cannot be followed yet: {}", e.toString());
        }
    }

    private Map<String, StackPart> containerNames() {
        Map<String, StackPart> names = new ConcurrentHashMap<>();
        try {
            if (!SystemActor.call(stack::configured)) {
                return names;
            }
        } catch (RuntimeException e) {
            log.debug("The stack's settings could not be read: {}", e.toString());
            return watched;
        }
        for (StackPart part : StackPart.values()) {
            try {
                names.put(SystemActor.call(() -> stack.container(part)).name(), part);
            } catch (RuntimeException absent) {
                log.debug("No {} container to watch: {}", part.label(), absent.getMessage());
            }
        }
        return names;
    }

    void handle(ContainerEvent event) {
        StackPart part = watched.get(event.containerName());
        if (part == null || !seen.add(event)) {
            return;
        }
        lastEventAt = event.at();
        String id = event.containerId();
        if (event.outOfMemory()) {
            outOfMemoryAt.put(id, event.at());
        } else if (event.killed() || event.stopped()) {
            stopAskedAt.put(id, event.at());
        } else if (event.removed()) {
            removedAt.put(id, event.at());
        } else if (event.started()) {
            stopAskedAt.remove(id);
            removedAt.remove(id);
        } else if (event.died()) {
            Instant oom = outOfMemoryAt.remove(id);
            boolean outOfMemory = oom != null && Duration.between(oom, event.at()).compareTo(OOM_BEFORE_DEATH) <= 0 || killedForMemory(part);
            CrashVerdict.of(event.exitCode(), outOfMemory).ifPresent(verdict ->
                    thread.schedule(() -> recordUnlessAsked(part, event, verdict), ASKED_WINDOW.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * A death is a crash only when nobody asked for it: a stop (Docker tells {@code kill}/{@code stop} before the
     * death) or a forced removal ({@code rm -f}: a {@code remove}/{@code destroy} within moments after). The engine's
     * out-of-memory verdict stands whatever was asked.
     */
    private void recordUnlessAsked(StackPart part, ContainerEvent death, CrashVerdict verdict) {
        Instant asked = stopAskedAt.get(death.containerId());
        Instant removed = removedAt.get(death.containerId());
        boolean stopped = asked != null && !asked.isAfter(death.at()) && Duration.between(asked, death.at()).compareTo(STOP_GRACE) <= 0;
        boolean wasRemoved = removed != null && !removed.isBefore(death.at());
        if (verdict.kind() != IncidentKind.OUT_OF_MEMORY && (stopped || wasRemoved)) {
            log.debug("The {} container {} was stopped or removed on request: no incident.", part.label(), death.containerName());
            return;
        }
        record(part, death, verdict);
    }

    private void record(StackPart part, ContainerEvent death, CrashVerdict verdict) {
        try {
            Crash crash = new Crash(part.label(), death.containerName(), verdict, death.exitCode(), death.at(), false, lastLines(part, death));
            IncidentView incident = incidents.record(crash);
            log.warn("The {} container {}: {} (incident {}).", part.label(), death.containerName(), verdict.summary(), incident.id());
        } catch (RuntimeException e) {
            log.warn("The crash of {} could not be recorded: {}", death.containerName(), e.toString());
        }
    }

    private boolean killedForMemory(StackPart part) {
        try {
            ContainerFacts facts = SystemActor.call(() -> stack.container(part));
            return facts.oomKilled();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The last lines before the death: the kept ones when the part's logs are kept (redacted, bounded), else the
     * engine's tail of the dead container (it is still there), redacted by the same rules.
     */
    private List<String> lastLines(StackPart part, ContainerEvent death) {
        List<String> kept = keeper.linesBefore(part, death.at().plusSeconds(1), Incidents.LINES);
        if (!kept.isEmpty() && keeper.keeps(part)) {
            return kept;
        }
        try {
            return keeper.redacted(SystemActor.call(() -> stack.logTail(part, Incidents.LINES)));
        } catch (RuntimeException e) {
            log.debug("The last lines of {} could not be read from the engine: {}", death.containerName(), e.getMessage());
            return kept;
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
        close();
    }

    private void close() {
        Closeable open = events;
        events = null;
        following = null;
        ended = true;
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Closing the engine's event stream failed: {}", e.toString());
            }
        }
    }
}
