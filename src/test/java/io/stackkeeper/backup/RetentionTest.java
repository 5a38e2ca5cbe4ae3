package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static List<Instant> kept(RetentionDecision decision) {
        return decision.keep().stream().map(RetentionDecision.Kept::time).toList();
    }

    @Test
    void keep_last_three_keeps_the_three_newest_sets() {
        RetentionDecision decision = Retention.apply(new RetentionPolicy(3, 0, 0, 0, 0, 0), List.of(
                t("2026-01-01T03:00:00Z"), t("2026-01-02T03:00:00Z"), t("2026-01-03T03:00:00Z"), t("2026-01-04T03:00:00Z")));
        assertThat(kept(decision)).containsExactly(t("2026-01-04T03:00:00Z"), t("2026-01-03T03:00:00Z"), t("2026-01-02T03:00:00Z"));
        assertThat(decision.remove()).extracting(RetentionDecision.Removed::time).containsExactly(t("2026-01-01T03:00:00Z"));
        assertThat(decision.keep().get(0).reasons()).containsExactly("last");
    }

    @Test
    void keep_daily_keeps_the_newest_set_of_each_of_the_most_recent_days_that_have_a_set() {
        RetentionDecision decision = Retention.apply(new RetentionPolicy(0, 0, 2, 0, 0, 0), List.of(
                t("2026-03-10T01:00:00Z"), t("2026-03-10T23:00:00Z"),
                t("2026-03-07T05:00:00Z"), t("2026-03-07T04:00:00Z"),
                t("2026-03-01T12:00:00Z")));
        assertThat(kept(decision)).containsExactly(t("2026-03-10T23:00:00Z"), t("2026-03-07T05:00:00Z"));
        assertThat(decision.remove()).hasSize(3);
    }

    @Test
    void weeks_are_iso_weeks_in_utc() {
        // Monday 2025-12-29 and Sunday 2026-01-04 are in ISO week 2026-W01; Sunday 2025-12-28 is in 2025-W52
        RetentionDecision decision = Retention.apply(new RetentionPolicy(0, 0, 0, 2, 0, 0), List.of(
                t("2026-01-04T22:00:00Z"), t("2025-12-29T00:30:00Z"), t("2025-12-28T23:59:00Z"), t("2025-12-22T10:00:00Z")));
        assertThat(kept(decision)).containsExactly(t("2026-01-04T22:00:00Z"), t("2025-12-28T23:59:00Z"));
    }

    @Test
    void a_set_kept_by_several_rules_lists_every_reason() {
        RetentionDecision decision = Retention.apply(new RetentionPolicy(1, 0, 7, 4, 6, 1), List.of(t("2026-05-05T02:00:00Z")));
        assertThat(decision.keep().get(0).reasons()).containsExactly("last", "daily", "weekly", "monthly", "yearly");
    }

    @Test
    void two_years_of_hourly_sets_under_the_standard_policy_keep_the_newest_of_each_bucket() {
        List<Instant> hourly = new ArrayList<>();
        Instant newest = t("2026-11-25T00:00:00Z");
        for (Instant time = newest; !time.isBefore(newest.minus(Duration.ofDays(730))); time = time.minus(Duration.ofHours(1))) {
            hourly.add(time);
        }
        RetentionDecision decision = Retention.apply(RetentionPolicy.standard(), hourly);
        assertThat(decision.keep().size() + decision.remove().size()).isEqualTo(hourly.size());
        assertThat(kept(decision)).first().isEqualTo(newest);
        Set<LocalDate> dailyDays = decision.keep().stream().filter(k -> k.reasons().contains("daily"))
                .map(k -> k.time().atZone(ZoneOffset.UTC).toLocalDate()).collect(Collectors.toSet());
        assertThat(dailyDays).hasSize(7);
        assertThat(decision.keep().stream().filter(k -> k.reasons().contains("weekly")).count()).isEqualTo(4);
        assertThat(decision.keep().stream().filter(k -> k.reasons().contains("monthly")).count()).isEqualTo(6);
        // every set kept for a day is the newest of its day: 23:00 except on the newest day
        decision.keep().stream().filter(k -> k.reasons().contains("daily") && !k.time().equals(newest))
                .forEach(k -> assertThat(k.time().atZone(ZoneOffset.UTC).getHour()).isEqualTo(23));
        assertThat(decision.keep().size()).isBetween(7, 17);
    }

    @Test
    void a_policy_without_any_rule_or_with_negative_counts_is_refused() {
        assertThatThrownBy(() -> new RetentionPolicy(0, 0, 0, 0, 0, 0)).hasMessageContaining("at least one keep rule");
        assertThatThrownBy(() -> new RetentionPolicy(-1, 0, 7, 0, 0, 0)).hasMessageContaining("negative");
    }

    @Test
    void protected_sets_stay_with_their_protection_as_the_reason() {
        Instant newest = Instant.parse("2026-03-10T02:00:00Z");
        Instant pinned = Instant.parse("2026-03-08T02:00:00Z");
        Instant linked = Instant.parse("2026-03-07T02:00:00Z");
        Instant gone = Instant.parse("2026-03-06T02:00:00Z");
        RetentionDecision decision = RetentionKeeper.protect(Retention.apply(new RetentionPolicy(1, 0, 0, 0, 0, 0),
                List.of(newest, pinned, linked, gone)), java.util.Map.of(newest, "newest", pinned, "pinned", linked, "linked"));

        assertThat(decision.keep()).extracting(RetentionDecision.Kept::time).containsExactly(newest, pinned, linked);
        assertThat(decision.keep()).extracting(RetentionDecision.Kept::reasons)
                .containsExactly(List.of("last", "newest"), List.of("pinned"), List.of("linked"));
        assertThat(decision.remove()).extracting(RetentionDecision.Removed::time).containsExactly(gone);
    }
}
