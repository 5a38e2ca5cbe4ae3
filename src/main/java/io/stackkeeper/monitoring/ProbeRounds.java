package io.stackkeeper.monitoring;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.security.SystemActor;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The probes' clock. Each round (every second, on each portal's own timer) sets a timer for every probe of this
 * portal's share ({@link ProbeShare}) due within the next second, at its exact time, on a bounded pool of workers that
 * run it when it fires (no hand-over between a timer thread and a worker: a wake-up per run is CPU on two cores). A
 * probe never runs twice at once, so a hanging target holds one worker at the most and never delays other probes. The
 * next run is due an interval (or the shorter failing interval) after this one was. Each run goes to alerting.
 * Housekeeping (delivering notifications on a thread of their own, so a slow receiver delays no probe, and hourly
 * purges) runs from one clustered Quartz trigger, on one portal at a time.
 */
@Component
class ProbeRounds {

    private static final Logger log = LoggerFactory.getLogger(ProbeRounds.class);
    private static final Duration LOOKAHEAD = Duration.ofSeconds(1);

    private final ProbeBook book;
    private final ProbeRunner runner;
    private final ProbeResults results;
    private final ResultStore store;
    private final MonitoringProperties properties;
    private final Alerting alerting;
    private final Notifications notifications;
    private final ProbeMetrics metrics;
    private final Clock clock;
    private final ProbeShare share;
    private final QuartzProperties quartz;
    private volatile List<ProbeDefinition> settledBook;
    private volatile Map<Long, ProbeDefinition> settled = Map.of();
    private volatile Instant movedAt = Instant.EPOCH;
    private final Map<Long, Instant> due = new ConcurrentHashMap<>();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor workers;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("probe-clock"));
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(DaemonThreads.named("notify"));
    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile Consumer<Ran> listener = ran -> { };
    private volatile Instant purgedAt = Instant.EPOCH;

    /** One probe run: when it was due, when it started, and what it found. */
    record Ran(ProbeDefinition probe, Instant due, Instant started, ProbeOutcome outcome, List<StateTracker.Change> changes) {
    }

    ProbeRounds(ProbeBook book, ProbeRunner runner, ProbeResults results, ResultStore store, MonitoringProperties properties,
            Alerting alerting, Notifications notifications, ProbeMetrics metrics, Clock clock, ProbeShare share,
            QuartzProperties quartz) {
        this.share = share;
        this.quartz = quartz;
        this.alerting = alerting;
        this.metrics = metrics;
        this.notifications = notifications;
        this.book = book;
        this.runner = runner;
        this.results = results;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.workers = new ScheduledThreadPoolExecutor(properties.workers(), DaemonThreads.named("probe"));
    }

    /** Who else hears of each run, after alerting (a benchmark, a test); one listener. */
    void onRun(Consumer<Ran> listener) {
        this.listener = listener;
    }

    /**
     * Starts this portal's clock, a round a second after the last ended (a round missed while the portal was busy is
     * dropped, not caught up), when the scheduler starts (tests run rounds themselves).
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!quartz.isAutoStartup()) {
            return;
        }
        ticks.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (Throwable e) {
                log.error("A round of probes failed: {}", e.getMessage(), e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Sets the timers of this portal's probes due within the next second and writes the results that wait. */
    void round() {
        Instant now = clock.instant();
        boolean moved = share.refresh();
        List<ProbeDefinition> active = book.active();
        if (moved || active != settledBook) {
            settle(active, moved, now);
        }
        for (ProbeDefinition probe : active) {
            if (!share.mine(probe.id())) {
                continue;
            }
            Instant at = due.computeIfAbsent(probe.id(), id -> firstRun(probe, now));
            if (!at.isAfter(now.plus(LOOKAHEAD)) && running.add(probe.id())) {
                long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
                schedule(probe, at, delay);
            }
        }
        results.flush(now);
        store.writeQueued();
    }

    /**
     * After the portals or the probes changed (here or on another portal): probes that are now another portal's are
     * handed over (their status and sums written), probes deleted or paused are forgotten, changed ones start again.
     */
    private void settle(List<ProbeDefinition> active, boolean moved, Instant now) {
        Map<Long, ProbeDefinition> byId = active.stream().collect(Collectors.toMap(ProbeDefinition::id, p -> p));
        java.util.Set<Long> known = new java.util.HashSet<>(due.keySet());
        known.addAll(results.remembered());
        for (Long probe : known) {
            ProbeDefinition current = byId.get(probe);
            ProbeDefinition before = settled.get(probe);
            if (current == null) {
                due.remove(probe);
                results.forget(probe);
                metrics.forget(probe);
            } else if (!share.mine(probe)) {
                due.remove(probe);
                results.release(probe);
                metrics.forget(probe);
            } else if (before != null && !before.equals(current)) {
                due.remove(probe);
            }
        }
        if (moved) {
            results.readStatusesAgain();
            // a portal that starts alone runs its probes at once; one that joins others waits for them to let go
            movedAt = settledBook == null && share.portals() <= 1 ? Instant.EPOCH : now;
        }
        settled = byId;
        settledBook = active;
    }

    /**
     * A probe's first run here: spread over its interval by its id, and after a hand-over not before the portal that
     * ran it has seen the change and its last run has ended.
     */
    private Instant firstRun(ProbeDefinition probe, Instant now) {
        Instant spread = now.plusMillis(Math.floorMod(probe.id() * 7919L, probe.settings().intervalSeconds() * 1000L));
        Instant handedOver = movedAt.plusSeconds(ProbeShare.REFRESH_SECONDS).plus(LOOKAHEAD).plusMillis(probe.settings().timeoutMillis());
        return spread.isBefore(handedOver) ? handedOver : spread;
    }

    /** Delivers the notifications that are due (on a thread of their own) and purges old results hourly. */
    void housekeeping() {
        Instant now = clock.instant();
        if (delivering.compareAndSet(false, true)) {
            delivery.execute(() -> {
                try {
                    notifications.deliverDue();
                } catch (RuntimeException e) {
                    log.warn("Delivering notifications failed: {}", e.toString());
                } finally {
                    delivering.set(false);
                }
            });
        }
        if (Duration.between(purgedAt, now).toHours() >= 1) {
            purgedAt = now;
            int removed = store.purge(now.minus(properties.rawRetention()), now.minus(properties.minuteRetention()),
                    now.minus(properties.hourRetention()));
            log.debug("Removed {} probe results past their retention.", removed);
        }
    }

    /** Runs one probe now, outside its schedule (an operator's "check now"), and answers what it found. */
    ProbeOutcome runNow(ProbeDefinition probe) {
        return run(probe, clock.instant()).outcome();
    }

    /** Forgets a probe's timing after it changed, so its next run follows the new settings. */
    void reset(long probe) {
        due.remove(probe);
    }

    /** Forgets a deleted probe: its timing and its gauges. */
    void forget(long probe) {
        due.remove(probe);
        metrics.forget(probe);
    }

    private void schedule(ProbeDefinition probe, Instant at, long delayMillis) {
        try {
            workers.schedule(() -> {
                try {
                    // as the portal: alerting reads the last backup and upgrade through their services for the alert's context
                    if (share.mine(probe.id())) {
                        SystemActor.run(() -> run(probe, at));
                    }
                } finally {
                    running.remove(probe.id());
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            running.remove(probe.id());
        }
    }

    private Ran run(ProbeDefinition probe, Instant at) {
        Instant started = clock.instant();
        ProbeOutcome outcome = runner.run(probe);
        if (!share.mine(probe.id())) {
            // handed over while it ran, or checked here while another portal runs it: that portal keeps its memory
            return new Ran(probe, at, started, outcome, List.of());
        }
        List<StateTracker.Change> changes = results.record(probe, outcome);
        metrics.record(probe, outcome);
        ProbeSettings s = probe.settings();
        Instant next = at.plusSeconds(outcome.state().failing() ? s.failingIntervalSeconds() : s.intervalSeconds());
        Instant now = clock.instant();
        due.put(probe.id(), next.isBefore(now) ? now.truncatedTo(ChronoUnit.MILLIS) : next);
        Ran ran = new Ran(probe, at, started, outcome, changes);
        try {
            alerting.onRun(ran);
            listener.accept(ran);
        } catch (RuntimeException e) {
            log.warn("Handling the run of probe {} failed: {}", probe.name(), e.toString());
        }
        return ran;
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
        workers.shutdownNow();
        delivery.shutdownNow();
    }
}
