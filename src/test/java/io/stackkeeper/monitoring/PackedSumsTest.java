package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedSumsTest {

    private static final Instant HOUR = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void a_minute_sum_comes_back_at_its_minute_with_its_counts_latencies_and_values() {
        Accumulator minute = new Accumulator(HOUR.plusSeconds(7 * 60));
        minute.add(outcome(ProbeState.OK, 10, 5.5));
        minute.add(outcome(ProbeState.CRITICAL, 300, 1.5));

        List<PackedSums.Sum> sums = PackedSums.decode(PackedSums.Span.MINUTE, HOUR, PackedSums.encode(PackedSums.Span.MINUTE, minute.sum()));

        assertThat(sums).hasSize(1);
        PackedSums.Sum sum = sums.get(0);
        assertThat(sum.at()).isEqualTo(HOUR.plusSeconds(7 * 60));
        assertThat(sum.counts()).containsExactly(1, 0, 1, 0);
        assertThat(sum.latency()).containsExactly(10, 155, 300, 300);
        assertThat(sum.value()).containsExactly(1.5, 3.5, 5.5, 5.5);
    }

    @Test
    void a_steady_minute_without_a_value_takes_about_a_dozen_bytes() {
        Accumulator minute = new Accumulator(HOUR);
        for (int i = 0; i < 12; i++) {
            minute.add(new ProbeOutcome(ProbeState.OK, "ok", 3 + i, List.of(), HOUR));
        }
        assertThat(PackedSums.encode(PackedSums.Span.MINUTE, minute.sum())).hasSizeLessThanOrEqualTo(12);
    }

    @Test
    void sums_appended_to_a_bucket_come_back_in_time_order_and_two_of_the_same_slot_are_merged() {
        ByteArrayOutputStream day = new ByteArrayOutputStream();
        day.writeBytes(PackedSums.encode(PackedSums.Span.HOUR, hour(5, ProbeState.OK, 20).sum()));
        day.writeBytes(PackedSums.encode(PackedSums.Span.HOUR, hour(2, ProbeState.WARNING, 40).sum()));
        day.writeBytes(PackedSums.encode(PackedSums.Span.HOUR, hour(5, ProbeState.CRITICAL, 60).sum()));
        Instant midnight = Instant.parse("2026-12-03T00:00:00Z");

        List<PackedSums.Sum> sums = PackedSums.decode(PackedSums.Span.HOUR, midnight, day.toByteArray());

        assertThat(sums).extracting(PackedSums.Sum::at).containsExactly(midnight.plusSeconds(2 * 3600), midnight.plusSeconds(5 * 3600));
        assertThat(sums.get(1).counts()).containsExactly(1, 0, 1, 0);
        assertThat(sums.get(1).latency()).containsExactly(20, 40, 60, 60);
        assertThat(sums.get(1).value()).isNull();
    }

    @Test
    void a_bucket_cut_off_in_the_middle_of_a_sum_keeps_the_whole_sums_before_it() {
        byte[] one = PackedSums.encode(PackedSums.Span.MINUTE, minute(1).sum());
        byte[] two = PackedSums.encode(PackedSums.Span.MINUTE, minute(2).sum());
        byte[] cut = Arrays.copyOf(one, one.length + two.length - 3);
        System.arraycopy(two, 0, cut, one.length, two.length - 3);

        assertThat(PackedSums.decode(PackedSums.Span.MINUTE, HOUR, cut)).extracting(PackedSums.Sum::at).containsExactly(HOUR.plusSeconds(60));
    }

    private static Accumulator minute(int minute) {
        Accumulator a = new Accumulator(HOUR.plusSeconds(minute * 60L));
        a.add(outcome(ProbeState.OK, 100_000, 1e12));
        return a;
    }

    private static Accumulator hour(int hour, ProbeState state, long latency) {
        Accumulator a = new Accumulator(Instant.parse("2026-12-03T00:00:00Z").plusSeconds(hour * 3600L));
        a.add(new ProbeOutcome(state, "x", latency, List.of(), a.start));
        return a;
    }

    private static ProbeOutcome outcome(ProbeState state, long latency, double value) {
        return new ProbeOutcome(state, "x", latency, List.of(new Measure("value", value, "")), HOUR);
    }
}
