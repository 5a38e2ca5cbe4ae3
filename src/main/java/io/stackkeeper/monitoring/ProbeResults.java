package io.stackkeeper.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackkeeper.base.PortalNews;
import io.stackkeeper.base.TextLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the probes found, kept small: each outcome updates the probe's alerting memory and its minute and hour sums
 * in memory; a raw row is written when the state changes and otherwise once a minute, the status row when anything
 * alerting cares about changes and otherwise once a minute, and the sums when their minute or hour has passed.
 * A steady probe at 5 s thus writes about 3 rows a minute instead of 12, and its sums are packed (see {@link PackedSums}).
 * With several portals each probe runs on one ({@link ProbeShare}); its outcomes are told to the others, whose pages
 * show them as heard.
 */
@Component
class ProbeResults {

    private static final Duration STATUS_REFRESH = Duration.ofMinutes(1);
    static final int RECENT = 50;

    private static final Logger log = LoggerFactory.getLogger(ProbeResults.class);
    private static final String NEWS = "probe-run";
    private static final Duration HEARD_FOR = Duration.ofMinutes(10);
    private static final Duration STORED_FOR = Duration.ofMinutes(1);
    private static final int MOST_HEARD = 20_000;

    private final ResultStore store;
    private final PortalNews news;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Instant storedAt = Instant.EPOCH;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Map<Long, Heard> heard = new ConcurrentHashMap<>();
    private volatile Map<Long, ResultStore.StoredStatus> stored;

    ProbeResults(ResultStore store, PortalNews news, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.news = news;
        this.json = json;
    }

    /** A run of a probe on another portal, as its pages there show it. */
    record Told(long probe, ProbeOutcome outcome, StateTracker tracker, Instant changedAt) {
    }

    /** The latest outcome and alerting memory of one probe. */
    record Current(ProbeOutcome outcome, StateTracker tracker, Instant changedAt) {
    }

    /** Records one outcome and answers what changed for alerting. */
    List<StateTracker.Change> record(ProbeDefinition probe, ProbeOutcome outcome) {
        Live l = live.computeIfAbsent(probe.id(), this::resume);
        synchronized (l) {
            StateTracker.Step step = l.tracker.next(outcome.state(), probe.rules());
            boolean changed = l.last == null || l.last.state() != outcome.state();
            roll(probe.id(), l, outcome.at());
            l.minute.add(outcome);
            l.hour.add(outcome);
            if (changed) {
                l.changedAt = outcome.at();
            }
            if (changed || !step.changes().isEmpty() || l.statusSavedAt == null
                    || Duration.between(l.statusSavedAt, outcome.at()).compareTo(STATUS_REFRESH) >= 0) {
                store.saveStatus(probe.id(), outcome, step.tracker(), l.changedAt);
                l.statusSavedAt = outcome.at();
            }
            Instant minute = outcome.at().truncatedTo(ChronoUnit.MINUTES);
            if (changed || !minute.equals(l.rawMinute)) {
                store.saveRaw(probe.id(), outcome);
                l.rawMinute = minute;
            }
            l.tracker = step.tracker();
            l.last = outcome;
            add(l.recent, outcome);
            tell(new Told(probe.id(), outcome, l.tracker, l.changedAt));
            return step.changes();
        }
    }

    private void tell(Told told) {
        if (!news.enabled()) {
            return;
        }
        try {
            ProbeOutcome o = told.outcome();
            ProbeOutcome small = new ProbeOutcome(o.state(), TextLimits.clip(o.message(), 500), o.latencyMillis(), o.measures(), o.at());
            news.tell(NEWS, json.writeValueAsString(new Told(told.probe(), small, told.tracker(), told.changedAt())));
        } catch (JsonProcessingException e) {
            log.debug("A probe's run not told to the other portals: {}", e.toString());
        }
    }

    /** A probe that another portal runs: its state and last runs as that portal told them. */
    @EventListener
    void heard(PortalNews.Heard news) {
        if (!NEWS.equals(news.topic())) {
            return;
        }
        try {
            Told told = json.readValue(news.text(), Told.class);
            ProbeOutcome o = told.outcome();
            if (o == null || o.state() == null || o.at() == null || o.measures() == null || told.tracker() == null
                    || told.tracker().confirmed() == null || live.containsKey(told.probe())
                    || heard.size() >= MOST_HEARD && !heard.containsKey(told.probe())) {
                return;
            }
            Heard h = heard.computeIfAbsent(told.probe(), id -> new Heard());
            synchronized (h) {
                h.current = new Current(o, told.tracker(), told.changedAt());
                h.at = clock.instant();
                add(h.recent, o);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.debug("A probe's run heard from another portal could not be read: {}", e.toString());
        }
    }

    /**
     * The probe now runs on another portal: its status and the sums of its current minute and hour so far are written
     * (the other portal adds its own to the same buckets), and this portal forgets it.
     */
    void release(long probe) {
        Live l = live.remove(probe);
        if (l != null) {
            synchronized (l) {
                if (l.last != null) {
                    store.saveStatus(probe, l.last, l.tracker, l.changedAt);
                }
                if (l.minute != null && !l.minute.empty()) {
                    store.saveSum(probe, PackedSums.Span.MINUTE, l.minute);
                }
                if (l.hour != null && !l.hour.empty()) {
                    store.saveSum(probe, PackedSums.Span.HOUR, l.hour);
                }
            }
        }
    }

    /** Statuses are read again at the next need: probes came here from another portal, or their status was written there. */
    void readStatusesAgain() {
        stored = null;
    }

    /** What was heard of the probe lately; news older than {@code HEARD_FOR} no longer counts (the other portal may be gone). */
    private Heard fresh(long probe) {
        Heard h = heard.get(probe);
        if (h != null && h.at.isBefore(clock.instant().minus(HEARD_FOR))) {
            heard.remove(probe);
            return null;
        }
        return h;
    }

    private static void add(ArrayDeque<ProbeOutcome> recent, ProbeOutcome outcome) {
        recent.addLast(outcome);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    /** Writes the sums of every minute and hour that has passed, also of probes that stopped running. */
    void flush(Instant now) {
        live.forEach((id, l) -> {
            synchronized (l) {
                roll(id, l, now);
            }
        });
        heard.entrySet().removeIf(e -> e.getValue().at.isBefore(now.minus(HEARD_FOR)));
    }

    /** The probes this portal keeps a memory of (those it runs, and any a run just ended for). */
    java.util.Set<Long> remembered() {
        return java.util.Set.copyOf(live.keySet());
    }

    Optional<Current> current(long probe) {
        Live l = live.get(probe);
        if (l != null && l.last != null) {
            synchronized (l) {
                return Optional.of(new Current(l.last, l.tracker, l.changedAt));
            }
        }
        Heard h = fresh(probe);
        if (l == null && h != null) {
            synchronized (h) {
                return Optional.of(h.current);
            }
        }
        return Optional.ofNullable(stored().get(probe)).map(s -> new Current(new ProbeOutcome(s.state(), s.message(), s.latencyMillis(),
                s.measured() == null ? List.of() : List.of(new Measure("value", s.measured(), "")), s.checkedAt()),
                new StateTracker(s.confirmed(), s.failures(), s.successes(), s.history(), s.flapping()), s.changedAt()));
    }

    /** The last runs since the portal started, oldest first (at most 50): the heartbeat bar and the sparkline. */
    List<ProbeOutcome> recent(long probe) {
        Live l = live.get(probe);
        if (l != null) {
            synchronized (l) {
                return List.copyOf(l.recent);
            }
        }
        Heard h = fresh(probe);
        if (h == null) {
            return List.of();
        }
        synchronized (h) {
            return List.copyOf(h.recent);
        }
    }

    /** Drops a deleted probe's memory (its rows go with it). */
    void forget(long probe) {
        live.remove(probe);
        heard.remove(probe);
    }

    private void roll(long probe, Live l, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (l.minute == null || !l.minute.start.equals(minute)) {
            if (l.minute != null && !l.minute.empty()) {
                store.saveSum(probe, PackedSums.Span.MINUTE, l.minute);
            }
            l.minute = new Accumulator(minute);
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (l.hour == null || !l.hour.start.equals(hour)) {
            if (l.hour != null && !l.hour.empty()) {
                store.saveSum(probe, PackedSums.Span.HOUR, l.hour);
            }
            l.hour = new Accumulator(hour);
        }
    }

    /**
     * A probe's memory when it starts to run here: from its status as written last, or from what another portal told
     * of its last run when that is newer (the probe came from there).
     */
    private Live resume(long probe) {
        ResultStore.StoredStatus s = store.status(probe);
        Live l = new Live();
        l.tracker = s == null ? StateTracker.fresh() : new StateTracker(s.confirmed(), s.failures(), s.successes(), s.history(), s.flapping());
        l.changedAt = s == null ? null : s.changedAt();
        Heard h = heard.remove(probe);
        if (h != null) {
            synchronized (h) {
                l.recent.addAll(h.recent);
                if (s == null || s.checkedAt() == null || h.current.outcome().at().isAfter(s.checkedAt())) {
                    l.tracker = h.current.tracker();
                    l.changedAt = h.current.changedAt();
                }
            }
        }
        return l;
    }

    private Map<Long, ResultStore.StoredStatus> stored() {
        Map<Long, ResultStore.StoredStatus> known = stored;
        Instant now = clock.instant();
        if (known == null || storedAt.isBefore(now.minus(STORED_FOR))) {
            known = store.statuses();
            stored = known;
            storedAt = now;
        }
        return known;
    }

    private static final class Live {
        StateTracker tracker;
        ProbeOutcome last;
        Instant changedAt;
        Instant statusSavedAt;
        Instant rawMinute;
        Accumulator minute;
        Accumulator hour;
        final ArrayDeque<ProbeOutcome> recent = new ArrayDeque<>();
    }

    private static final class Heard {
        Current current;
        Instant at;
        final ArrayDeque<ProbeOutcome> recent = new ArrayDeque<>();
    }
}
