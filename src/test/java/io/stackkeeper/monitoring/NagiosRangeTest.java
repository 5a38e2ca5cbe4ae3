package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NagiosRangeTest {

    @Test
    void a_plain_number_alerts_outside_zero_to_it() {
        NagiosRange range = NagiosRange.parse("10");
        assertThat(range.alerts(-1)).isTrue();
        assertThat(range.alerts(0)).isFalse();
        assertThat(range.alerts(10)).isFalse();
        assertThat(range.alerts(10.5)).isTrue();
    }

    @Test
    void an_open_end_alerts_below_its_start_and_a_tilde_start_above_its_end() {
        assertThat(NagiosRange.parse("10:").alerts(9.9)).isTrue();
        assertThat(NagiosRange.parse("10:").alerts(1e12)).isFalse();
        assertThat(NagiosRange.parse("~:10").alerts(-1e12)).isFalse();
        assertThat(NagiosRange.parse("~:10").alerts(11)).isTrue();
    }

    @Test
    void a_range_alerts_outside_it_and_an_at_range_inside_it_bounds_included() {
        assertThat(NagiosRange.parse("10:20").alerts(9)).isTrue();
        assertThat(NagiosRange.parse("10:20").alerts(15)).isFalse();
        assertThat(NagiosRange.parse("10:20").alerts(21)).isTrue();
        assertThat(NagiosRange.parse("@10:20").alerts(10)).isTrue();
        assertThat(NagiosRange.parse("@10:20").alerts(20)).isTrue();
        assertThat(NagiosRange.parse("@10:20").alerts(25)).isFalse();
    }

    @Test
    void malformed_ranges_are_refused_with_the_syntax_and_blank_means_none() {
        assertThat(NagiosRange.parse("  ")).isNull();
        for (String bad : new String[] {"abc", "20:10", "1e", "@", "10:x", "NaN"}) {
            assertThatThrownBy(() -> NagiosRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("10:20");
        }
    }

    @Test
    void thresholds_judge_critical_before_warning() {
        Thresholds free = Thresholds.of("20:", "10:");
        assertThat(free.judge(50)).isEqualTo(ProbeState.OK);
        assertThat(free.judge(15)).isEqualTo(ProbeState.WARNING);
        assertThat(free.judge(5)).isEqualTo(ProbeState.CRITICAL);
    }

    @Test
    void nagios_text_has_the_status_the_message_and_perfdata_in_base_units_without_exponents() {
        ProbeOutcome outcome = new ProbeOutcome(ProbeState.WARNING, "free 15 % on /data", 12,
                List.of(new Measure("free /data", 15.5, "%"), new Measure("latency", 0.000012, "s"), new Measure("bytes", 1.5e12, "B")),
                Instant.EPOCH);
        assertThat(NagiosText.of("disk", outcome, Thresholds.of("20:", "10:")))
                .isEqualTo("WARNING - disk: free 15 % on /data | 'free /data'=15.5%;20:;10:;0;100 'latency'=0.000012s;;;; "
                        + "'bytes'=1500000000000B;;;;\n");
    }
}
