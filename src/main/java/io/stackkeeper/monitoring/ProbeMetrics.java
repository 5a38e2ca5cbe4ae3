package io.stackkeeper.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each probe's latest run for Prometheus ({@code /actuator/prometheus}): {@code stackkeeper_probe_success} (1 or 0),
 * {@code stackkeeper_probe_duration_seconds}, {@code stackkeeper_probe_state} (the Nagios exit code) and
 * {@code stackkeeper_probe_value} (with its unit), labelled by probe and component. A probe's gauges appear with its
 * first run and go with it.
 */
@Component
class ProbeMetrics {

    private final MeterRegistry registry;
    private final Map<Long, Latest> probes = new ConcurrentHashMap<>();

    ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The latest run of a probe, read by its gauges at each scrape. */
    private static final class Latest {
        final Tags tags;
        final List<Meter> meters;
        volatile ProbeOutcome outcome;

        Latest(Tags tags, List<Meter> meters) {
            this.tags = tags;
            this.meters = meters;
        }
    }

    void record(ProbeDefinition probe, ProbeOutcome outcome) {
        Tags tags = Tags.of("probe", probe.name(), "component", probe.settings().component().name().toLowerCase());
        Latest latest = probes.get(probe.id());
        if (latest == null || !latest.tags.equals(tags)) {
            forget(probe.id());
            latest = register(tags, outcome);
            probes.put(probe.id(), latest);
        }
        latest.outcome = outcome;
    }

    void forget(long probe) {
        Latest gone = probes.remove(probe);
        if (gone != null) {
            gone.meters.forEach(registry::remove);
        }
    }

    private Latest register(Tags tags, ProbeOutcome first) {
        Latest[] self = new Latest[1];
        String unit = first.measures().isEmpty() ? "" : unit(first.measures().get(0).unit());
        List<Meter> meters = List.of(
                Gauge.builder("stackkeeper.probe.success", () -> self[0].outcome.state() == ProbeState.OK ? 1 : 0).tags(tags)
                        .description("Whether the probe's latest run was OK (1) or not (0)").register(registry),
                Gauge.builder("stackkeeper.probe.duration", () -> self[0].outcome.latencyMillis() / 1000.0).tags(tags).baseUnit("seconds")
                        .description("How long the probe's latest run took").register(registry),
                Gauge.builder("stackkeeper.probe.state", () -> self[0].outcome.state().exitCode()).tags(tags)
                        .description("The probe's latest state as a Nagios exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN")
                        .register(registry),
                Gauge.builder("stackkeeper.probe.value", () -> {
                    Double value = self[0].outcome.value();
                    return value == null ? Double.NaN : value;
                }).tags(tags.and("unit", unit)).description("The value the probe's thresholds judge, in the unit of its label")
                        .register(registry));
        self[0] = new Latest(tags, meters);
        self[0].outcome = first;
        return self[0];
    }

    /** Base units in words, as Prometheus names them. */
    private static String unit(String nagios) {
        return switch (nagios) {
            case "s" -> "seconds";
            case "B" -> "bytes";
            case "%" -> "percent";
            case "c" -> "count";
            default -> "";
        };
    }
}
