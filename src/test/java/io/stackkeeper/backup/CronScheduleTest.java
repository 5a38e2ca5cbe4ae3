package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:30:00Z");

    @Test
    void the_default_nightly_schedule_reads_as_words_and_lists_the_next_five_runs_in_utc() {
        CronSchedule nightly = new CronSchedule("0 0 2 * * ?");
        assertThat(nightly.inWords()).isEqualTo("every day at 02:00 UTC");
        assertThat(nightly.nextRuns(NOW, 5)).containsExactly(Instant.parse("2026-11-26T02:00:00Z"), Instant.parse("2026-11-27T02:00:00Z"),
                Instant.parse("2026-11-28T02:00:00Z"), Instant.parse("2026-11-29T02:00:00Z"), Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void hourly_weekly_monthly_and_every_few_hours_are_described() {
        assertThat(new CronSchedule("0 15 * * * ?").inWords()).isEqualTo("every hour at minute 15 UTC");
        assertThat(new CronSchedule("0 30 3 ? * MON").inWords()).isEqualTo("every Monday at 03:30 UTC");
        assertThat(new CronSchedule("0 0 4 1 * ?").inWords()).isEqualTo("on day 1 of every month at 04:00 UTC");
        assertThat(new CronSchedule("0 5 */6 * * ?").inWords()).isEqualTo("every 6 hours at minute 5 UTC");
        assertThat(new CronSchedule("0 0 1 ? * MON-FRI").inWords()).isEqualTo("every weekday at 01:00 UTC");
        assertThat(new CronSchedule("0 0/10 1-3 ? * SAT,SUN").inWords()).startsWith("cron 0 0/10 1-3");
        assertThat(new CronSchedule("0 0 * * * ?").nextRuns(NOW, 2))
                .containsExactly(Instant.parse("2026-11-25T19:00:00Z"), Instant.parse("2026-11-25T20:00:00Z"));
    }

    @Test
    void an_invalid_expression_is_refused_with_the_reason_and_an_example() {
        assertThatThrownBy(() -> new CronSchedule("0 0 25 * * ?")).hasMessageContaining("not a valid Quartz cron expression")
                .hasMessageContaining("0 0 2 * * ?");
        assertThatThrownBy(() -> new CronSchedule("every night")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CronSchedule(" ")).hasMessageContaining("Enter a schedule");
    }
}
