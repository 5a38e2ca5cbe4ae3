package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The results of one probe within one minute or hour, summed up as an aggregate row holds them. */
final class Accumulator {

    final Instant start;
    final int[] counts = new int[ProbeState.values().length];
    private final List<Long> latencies = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    Accumulator(Instant start) {
        this.start = start;
    }

    void add(ProbeOutcome outcome) {
        counts[outcome.state().ordinal()]++;
        latencies.add(outcome.latencyMillis());
        Double value = outcome.value();
        if (value != null && !value.isNaN() && !value.isInfinite()) {
            values.add(value);
        }
    }

    boolean empty() {
        return latencies.isEmpty();
    }

    /** What the minute or hour adds up to, as it is stored. */
    PackedSums.Sum sum() {
        return new PackedSums.Sum(start, counts.clone(), latency(), value());
    }

    /** min, avg, max, p95 of the latencies in milliseconds. */
    long[] latency() {
        double[] stats = stats(latencies);
        return new long[] {(long) stats[0], Math.round(stats[1]), (long) stats[2], (long) stats[3]};
    }

    /** min, avg, max, p95 of the measured values, or null when none was measured. */
    double[] value() {
        return values.isEmpty() ? null : stats(values);
    }

    private static double[] stats(List<? extends Number> numbers) {
        double[] sorted = numbers.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new double[] {sorted[0], sum / sorted.length, sorted[sorted.length - 1], sorted[p95(sorted.length)]};
    }

    private static int p95(int size) {
        return Math.min(size - 1, (int) Math.ceil(size * 0.95) - 1);
    }
}
