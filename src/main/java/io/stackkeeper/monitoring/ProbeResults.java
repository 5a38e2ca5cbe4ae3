package io.stackkeeper.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the probes found, kept small: each outcome updates the probe's alerting memory and its minute and hour sums
 * in memory; a raw row is written when the state changes and otherwise once a minute, the status row when anything
 * alerting cares about changes and otherwise once a minute, and the sums when their minute or hour has passed.
 * A steady probe at 5 s thus writes about 3 rows a minute instead of 12, and its sums are packed (see {@link PackedSums}).
 */
@Component
class ProbeResults {

    private static final Duration STATUS_REFRESH = Duration.ofMinutes(1);
    static final int RECENT = 50;

    private final ResultStore store;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private volatile Map<Long, ResultStore.StoredStatus> stored;

    ProbeResults(ResultStore store) {
        this.store = store;
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
            l.recent.addLast(outcome);
            if (l.recent.size() > RECENT) {
                l.recent.removeFirst();
            }
            return step.changes();
        }
    }

    /** Writes the sums of every minute and hour that has passed, also of probes that stopped running. */
    void flush(Instant now) {
        live.forEach((id, l) -> {
            synchronized (l) {
                roll(id, l, now);
            }
        });
    }

    Optional<Current> current(long probe) {
        Live l = live.get(probe);
        if (l != null && l.last != null) {
            synchronized (l) {
                return Optional.of(new Current(l.last, l.tracker, l.changedAt));
            }
        }
        return Optional.ofNullable(stored().get(probe)).map(s -> new Current(new ProbeOutcome(s.state(), s.message(), s.latencyMillis(),
                s.measured() == null ? List.of() : List.of(new Measure("value", s.measured(), "")), s.checkedAt()),
                new StateTracker(s.confirmed(), s.failures(), s.successes(), s.history(), s.flapping()), s.changedAt()));
    }

    /** The last runs since the portal started, oldest first (at most 50): the heartbeat bar and the sparkline. */
    List<ProbeOutcome> recent(long probe) {
        Live l = live.get(probe);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return List.copyOf(l.recent);
        }
    }

    /** Drops a deleted probe's memory (its rows go with it). */
    void forget(long probe) {
        live.remove(probe);
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

    private Live resume(long probe) {
        ResultStore.StoredStatus s = stored().get(probe);
        Live l = new Live();
        l.tracker = s == null ? StateTracker.fresh() : new StateTracker(s.confirmed(), s.failures(), s.successes(), s.history(), s.flapping());
        l.changedAt = s == null ? null : s.changedAt();
        return l;
    }

    private Map<Long, ResultStore.StoredStatus> stored() {
        Map<Long, ResultStore.StoredStatus> known = stored;
        if (known == null) {
            known = store.statuses();
            stored = known;
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
        final java.util.ArrayDeque<ProbeOutcome> recent = new java.util.ArrayDeque<>();
    }
}
