package io.stackkeeper.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Probes as the pages and the API read them: settings with the latest state, results over a span, uptime, Nagios text. */
@Component
record ProbeViews(ProbeBook book, ProbeResults results, ResultStore store, MaintenanceRepository windows, Clock clock) {

    private static final Duration RAW_UP_TO = Duration.ofHours(6);
    private static final Duration MINUTES_UP_TO = Duration.ofDays(14);

    List<ProbeView> all() {
        java.util.Set<ProbeComponent> maintained = maintainedNow();
        return book.all().stream().map(p -> view(p, maintained)).toList();
    }

    ProbeView view(Probe probe) {
        return view(probe, maintainedNow());
    }

    private java.util.Set<ProbeComponent> maintainedNow() {
        Instant now = clock.instant();
        return windows.activeAt(now).stream().filter(w -> w.endsAt == null || w.endsAt.isAfter(now))
                .flatMap(w -> w.componentSet().stream()).collect(java.util.stream.Collectors.toSet());
    }

    private ProbeView view(Probe probe, java.util.Set<ProbeComponent> maintained) {
        boolean inMaintenance = maintained.contains(probe.component);
        ProbeResults.Current current = results.current(probe.id).orElse(null);
        if (current == null) {
            return new ProbeView(probe.id, probe.name, probe.component, probe.kind, probe.target, ProbeState.UNKNOWN, ProbeState.OK,
                    probe.paused ? "paused" : "not run yet", 0, null, false, probe.paused, probe.managed, null, null, inMaintenance,
                    probe.settings());
        }
        ProbeOutcome o = current.outcome();
        return new ProbeView(probe.id, probe.name, probe.component, probe.kind, probe.target, o.state(), current.tracker().confirmed(),
                o.message(), o.latencyMillis(), o.value(), current.tracker().flapping(), probe.paused, probe.managed, o.at(),
                current.changedAt(), inMaintenance, probe.settings());
    }

    /** Raw results up to 6 hours back, one-minute sums up to 14 days, one-hour sums beyond. */
    List<ResultPoint> results(long probe, Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.compareTo(RAW_UP_TO) <= 0) {
            return store.raw(probe, from, to);
        }
        return span.compareTo(MINUTES_UP_TO) <= 0 ? store.aggregates(probe, PackedSums.Span.MINUTE, from, to) : store.aggregates(probe, PackedSums.Span.HOUR, from, to);
    }

    Uptime uptime(long probe) {
        Instant now = clock.instant();
        return new Uptime(up(store.counts(probe, PackedSums.Span.MINUTE, now.minus(Duration.ofDays(1)))), up(store.counts(probe, PackedSums.Span.MINUTE, now.minus(Duration.ofDays(7)))),
                up(store.counts(probe, PackedSums.Span.HOUR, now.minus(Duration.ofDays(30)))), up(store.counts(probe, PackedSums.Span.HOUR, now.minus(Duration.ofDays(365)))));
    }

    NagiosCheck nagios(Probe probe) {
        ProbeView view = view(probe, java.util.Set.of());
        ProbeOutcome outcome = results.current(probe.id).map(ProbeResults.Current::outcome)
                .orElse(new ProbeOutcome(ProbeState.UNKNOWN, view.message(), 0, List.of(), clock.instant()));
        return new NagiosCheck(NagiosText.of(probe.name, outcome, probe.definition().thresholds()), outcome.state().exitCode());
    }

    /** The last 24 hours' uptime of every probe that ran, by probe id. */
    java.util.Map<Long, Double> dayUptimes() {
        java.util.Map<Long, Double> uptimes = new java.util.HashMap<>();
        store.countsByProbe(clock.instant().minus(Duration.ofDays(1))).forEach((id, counts) -> uptimes.put(id, up(counts)));
        return uptimes;
    }

    static Double up(int[] counts) {
        int all = counts[0] + counts[1] + counts[2] + counts[3];
        return all == 0 ? null : Math.round((counts[0] + counts[1]) * 10000.0 / all) / 100.0;
    }
}
