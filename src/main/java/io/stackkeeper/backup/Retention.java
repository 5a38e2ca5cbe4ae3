package io.stackkeeper.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a {@link RetentionPolicy} as {@code restic forget} does: walking the sets newest first, each time rule keeps
 * the first set it meets in a bucket (hour, day, ISO week, month, year, in UTC) until it has kept its count. Since a
 * policy has at least one rule and every rule keeps the first set it meets, the newest set always stays.
 */
final class Retention {

    private Retention() {
    }

    private record Rule(String reason, int count, Function<ZonedDateTime, Long> bucket) {
    }

    static RetentionDecision apply(RetentionPolicy policy, List<Instant> times) {
        List<Instant> newestFirst = times.stream().filter(Objects::nonNull).sorted(Comparator.reverseOrder()).toList();
        List<Rule> rules = List.of(
                new Rule("hourly", policy.keepHourly(), t -> t.getYear() * 1_000_000L + t.getDayOfYear() * 100L + t.getHour()),
                new Rule("daily", policy.keepDaily(), t -> t.getYear() * 1000L + t.getDayOfYear()),
                new Rule("weekly", policy.keepWeekly(), t -> t.get(IsoFields.WEEK_BASED_YEAR) * 100L + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                new Rule("monthly", policy.keepMonthly(), t -> t.getYear() * 100L + t.getMonthValue()),
                new Rule("yearly", policy.keepYearly(), t -> (long) t.getYear()));
        int[] kept = new int[rules.size()];
        Long[] lastBucket = new Long[rules.size()];
        List<RetentionDecision.Kept> keep = new ArrayList<>();
        List<RetentionDecision.Removed> remove = new ArrayList<>();
        for (int index = 0; index < newestFirst.size(); index++) {
            Instant time = newestFirst.get(index);
            ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
            List<String> reasons = new ArrayList<>();
            if (index < policy.keepLast()) {
                reasons.add("last");
            }
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                long bucket = rule.bucket().apply(utc);
                if (kept[r] < rule.count() && !Objects.equals(lastBucket[r], bucket)) {
                    kept[r]++;
                    lastBucket[r] = bucket;
                    reasons.add(rule.reason());
                }
            }
            if (reasons.isEmpty()) {
                remove.add(new RetentionDecision.Removed(time));
            } else {
                keep.add(new RetentionDecision.Kept(time, List.copyOf(reasons)));
            }
        }
        return new RetentionDecision(keep, remove);
    }
}
