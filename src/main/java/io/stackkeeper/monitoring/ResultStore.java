package io.stackkeeper.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The probe tables written in plain SQL: the latest status per probe, raw results, and minute and hour sums ({@link PackedSums}). */
@Component
record ResultStore(JdbcTemplate jdbc) {

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    /** The status row as stored, to resume alerting after a restart. */
    record StoredStatus(ProbeState state, ProbeState confirmed, String message, long latencyMillis, Double measured, int failures,
            int successes, String history, boolean flapping, Instant checkedAt, Instant changedAt) {
    }

    void saveStatus(long probe, ProbeOutcome outcome, StateTracker tracker, Instant changedAt) {
        Object[] values = {outcome.state().name(), tracker.confirmed().name(), clip(outcome.message(), 1000), outcome.latencyMillis(),
                finite(outcome.value()), tracker.failures(), tracker.successes(), tracker.history(), tracker.flapping(), time(outcome.at()),
                time(changedAt), probe};
        int updated = jdbc.update("UPDATE probe_status SET state = ?, confirmed = ?, message = ?, latency_millis = ?, measured = ?, failures = ?,"
                + " successes = ?, history = ?, flapping = ?, checked_at = ?, changed_at = ? WHERE probe_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO probe_status (state, confirmed, message, latency_millis, measured, failures, successes, history, flapping,"
                    + " checked_at, changed_at, probe_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    Map<Long, StoredStatus> statuses() {
        Map<Long, StoredStatus> statuses = new HashMap<>();
        jdbc.query("SELECT * FROM probe_status", rs -> {
            statuses.put(rs.getLong("probe_id"), new StoredStatus(ProbeState.valueOf(rs.getString("state")),
                    ProbeState.valueOf(rs.getString("confirmed")), rs.getString("message"), rs.getLong("latency_millis"), nullable(rs, "measured"),
                    rs.getInt("failures"), rs.getInt("successes"), rs.getString("history"), rs.getBoolean("flapping"),
                    instant(rs, "checked_at"), instant(rs, "changed_at")));
        });
        return statuses;
    }

    void saveRaw(long probe, ProbeOutcome outcome) {
        jdbc.update("INSERT INTO probe_result (probe_id, at, state, latency_millis, measured, message) VALUES (?, ?, ?, ?, ?, ?)", probe,
                time(outcome.at()), outcome.state().name(), outcome.latencyMillis(), finite(outcome.value()), clip(outcome.message(), 500));
    }

    /**
     * Appends one minute's or hour's sum to its bucket (the hour's minutes, the day's hours). The bytes are joined
     * here: H2's {@code ||} with a binary parameter did not give the two byte strings one after the other.
     */
    void saveSum(long probe, PackedSums.Span span, Accumulator a) {
        byte[] sum = PackedSums.encode(span, a.sum());
        OffsetDateTime bucket = time(span.bucketOf(a.start));
        List<byte[]> stored = jdbc.query("SELECT slots FROM probe_sums WHERE probe_id = ? AND span = ? AND bucket_at = ?",
                (rs, i) -> rs.getBytes(1), probe, span.code, bucket);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO probe_sums (probe_id, span, bucket_at, slots) VALUES (?, ?, ?, ?)", probe, span.code, bucket, sum);
            return;
        }
        byte[] joined = java.util.Arrays.copyOf(stored.get(0), stored.get(0).length + sum.length);
        System.arraycopy(sum, 0, joined, stored.get(0).length, sum.length);
        jdbc.update("UPDATE probe_sums SET slots = ? WHERE probe_id = ? AND span = ? AND bucket_at = ?", joined, probe, span.code, bucket);
    }

    List<ResultPoint> raw(long probe, Instant from, Instant to) {
        return jdbc.query("SELECT at, state, latency_millis, measured, message FROM probe_result WHERE probe_id = ? AND at >= ? AND at < ? ORDER BY at",
                (rs, i) -> new ResultPoint(instant(rs, "at"), 1, ProbeState.valueOf(rs.getString("state")), rs.getLong("latency_millis"),
                        rs.getLong("latency_millis"), nullable(rs, "measured"), nullable(rs, "measured"), rs.getString("message"),
                        counts(ProbeState.valueOf(rs.getString("state")))),
                probe, time(from), time(to));
    }

    List<ResultPoint> aggregates(long probe, PackedSums.Span span, Instant from, Instant to) {
        List<ResultPoint> points = new ArrayList<>();
        sums(probe, span, from, to, sum -> points.add(new ResultPoint(sum.at(), sum.results(), worst(sum.counts()), sum.latency()[1],
                sum.latency()[3], sum.value() == null ? null : sum.value()[1], sum.value() == null ? null : sum.value()[2], null,
                sum.counts())));
        return points;
    }

    /** Counts per state over the span's sums since {@code from}: for uptime. */
    int[] counts(long probe, PackedSums.Span span, Instant from) {
        int[] counts = new int[4];
        sums(probe, span, from, Instant.MAX, sum -> add(counts, sum.counts()));
        return counts;
    }

    /** Counts per state and probe over the minute sums since {@code from}: the day's uptime of every probe at once. */
    Map<Long, int[]> countsByProbe(Instant from) {
        Map<Long, int[]> counts = new HashMap<>();
        PackedSums.Span span = PackedSums.Span.MINUTE;
        jdbc.query("SELECT probe_id, bucket_at, slots FROM probe_sums WHERE span = ? AND bucket_at >= ?", rs -> {
            int[] sums = counts.computeIfAbsent(rs.getLong(1), id -> new int[4]);
            for (PackedSums.Sum sum : PackedSums.decode(span, instant(rs, "bucket_at"), rs.getBytes(3))) {
                if (!sum.at().isBefore(from)) {
                    add(sums, sum.counts());
                }
            }
        }, span.code, time(span.bucketOf(from)));
        return counts;
    }

    /** Removes what is older than its retention (sums by whole buckets); answers the rows removed. */
    int purge(Instant rawBefore, Instant minutesBefore, Instant hoursBefore) {
        return jdbc.update("DELETE FROM probe_result WHERE at < ?", time(rawBefore))
                + purgeSums(PackedSums.Span.MINUTE, minutesBefore) + purgeSums(PackedSums.Span.HOUR, hoursBefore);
    }

    private int purgeSums(PackedSums.Span span, Instant before) {
        return jdbc.update("DELETE FROM probe_sums WHERE span = ? AND bucket_at <= ?", span.code, time(before.minus(span.bucketLength())));
    }

    private void sums(long probe, PackedSums.Span span, Instant from, Instant to, Consumer<PackedSums.Sum> each) {
        jdbc.query("SELECT bucket_at, slots FROM probe_sums WHERE probe_id = ? AND span = ? AND bucket_at >= ? AND bucket_at < ? ORDER BY bucket_at",
                rs -> {
                    for (PackedSums.Sum sum : PackedSums.decode(span, instant(rs, "bucket_at"), rs.getBytes(2))) {
                        if (!sum.at().isBefore(from) && sum.at().isBefore(to)) {
                            each.accept(sum);
                        }
                    }
                }, probe, span.code, time(span.bucketOf(from)), time(to.equals(Instant.MAX) ? FAR_FUTURE : to));
    }

    private static void add(int[] sums, int[] counts) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += counts[i];
        }
    }

    private static ProbeState worst(int[] counts) {
        return counts[2] > 0 ? ProbeState.CRITICAL : counts[1] > 0 ? ProbeState.WARNING : counts[3] > 0 ? ProbeState.UNKNOWN : ProbeState.OK;
    }

    private static int[] counts(ProbeState state) {
        int[] counts = new int[4];
        counts[state.ordinal()] = 1;
        return counts;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
