package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:30:23Z");

    @Test
    void rfc3339_times_with_a_zone_are_read_with_up_to_nine_fraction_digits() {
        assertThat(Timestamps.parse("2026-12-03T09:30:23Z")).isEqualTo(AT);
        assertThat(Timestamps.parse("2026-12-03t09:30:23z")).isEqualTo(AT);
        assertThat(Timestamps.parse("2026-12-03T09:30:23.123456789Z")).isEqualTo(AT.plusNanos(123_456_789));
        assertThat(Timestamps.parse("2026-12-03T09:30:23.5Z")).isEqualTo(AT.plusMillis(500));
        assertThat(Timestamps.parse("2026-12-03T09:30:23.1234567891234Z")).isEqualTo(AT.plusNanos(123_456_789));
        assertThat(Timestamps.parse("2026-12-03 10:30:23,5+01:00")).isEqualTo(AT.plusMillis(500));
        assertThat(Timestamps.parse("2026-12-03T04:00:23-0530")).isEqualTo(AT);
    }

    @Test
    void a_time_without_a_zone_or_not_a_time_at_all_is_none() {
        assertThat(Timestamps.parse("2026-12-03T09:30:23")).isNull();
        assertThat(Timestamps.parse("2026-12-03T09:30:23.123")).isNull();
        assertThat(Timestamps.parse("2026-02-30T09:30:23Z")).isNull();
        assertThat(Timestamps.parse("2026-13-03T09:30:23Z")).isNull();
        assertThat(Timestamps.parse("2026-12-03T25:30:23Z")).isNull();
        assertThat(Timestamps.parse("2026-12-03T09:30:23.Z")).isNull();
        assertThat(Timestamps.parse("2026-12-03T09:30:23+1")).isNull();
        assertThat(Timestamps.parse("yesterday at noon, roughly")).isNull();
        assertThat(Timestamps.parse("")).isNull();
    }

    @Test
    void epoch_numbers_are_told_apart_by_size() {
        long seconds = AT.getEpochSecond();
        assertThat(Timestamps.ofEpoch(seconds)).isEqualTo(AT);
        assertThat(Timestamps.ofEpoch(seconds * 1_000 + 250)).isEqualTo(AT.plusMillis(250));
        assertThat(Timestamps.ofEpoch(seconds * 1_000_000 + 250)).isEqualTo(AT.plusNanos(250_000));
        assertThat(Timestamps.ofEpoch(seconds * 1_000_000_000 + 250)).isEqualTo(AT.plusNanos(250));
        assertThat(Timestamps.ofEpoch(seconds + 0.25)).isEqualTo(AT.plusMillis(250));
        assertThat(Timestamps.ofEpoch(-1L)).isNull();
        assertThat(Timestamps.ofEpoch(Double.NaN)).isNull();
        assertThat(Timestamps.ofEpoch(Double.POSITIVE_INFINITY)).isNull();
    }
}
