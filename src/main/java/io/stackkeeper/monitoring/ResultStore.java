package io.stackkeeper.monitoring;

import io.stackkeeper.base.TextLimits;
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

/**
 * The probe tables written in plain SQL: the latest status per probe, raw results, and minute and hour sums
 * ({@link PackedSums}). Writes wait in {@link QueuedWrites} and reach the database together once a round, in one
 * transaction, because a commit per row cost more CPU than the probes themselves; every read writes them first.
 */
@Component
class ResultStore {

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final JdbcTemplate jdbc;
    private final QueuedWrites queued;

    ResultStore(JdbcTemplate jdbc, QueuedWrites queued) {
        this.jdbc = jdbc;
        this.queued = queued;
    }

    /** The status row as stored, to resume alerting after a restart. */
    record StoredStatus(ProbeState state, ProbeState confirmed, String message, long latencyMillis, Double measured, int failures,
            int successes, String history, boolean flapping, Instant checkedAt, Instant changedAt) {
    }

    void saveStatus(long probe, ProbeOutcome outcome, StateTracker tracker, Instant changedAt) {
        queued.status(probe, new Object[] {outcome.state().name(), tracker.confirmed().name(), TextLimits.clip(outcome.message(), 1000),
                outcome.latencyMillis(), finite(outcome.value()), tracker.failures(), tracker.successes(), tracker.history(), tracker.flapping(),
                time(outcome.at()), time(changedAt), probe});
    }

    /** Writes the results that wait; the probes' round calls it once a second. */
    void writeQueued() {
        queued.write();
    }

    Map<Long, StoredStatus> statuses() {
        Map<Long, StoredStatus> statuses = new HashMap<>();
        queued.write();
        jdbc.query("SELECT * FROM probe_status", rs -> {
            statuses.put(rs.getLong("probe_id"), status(rs));
        });
        return statuses;
    }

    /** One probe's status as written last (by this portal or another), or null. */
    StoredStatus status(long probe) {
        queued.write();
        return jdbc.query("SELECT * FROM probe_status WHERE probe_id = ?", rs -> rs.next() ? status(rs) : null, probe);
    }

    private static StoredStatus status(ResultSet rs) throws SQLException {
        return new StoredStatus(ProbeState.valueOf(rs.getString("state")), ProbeState.valueOf(rs.getString("confirmed")), rs.getString("message"),
                rs.getLong("latency_millis"), nullable(rs, "measured"), rs.getInt("failures"), rs.getInt("successes"), rs.getString("history"),
                rs.getBoolean("flapping"), instant(rs, "checked_at"), instant(rs, "changed_at"));
    }

    void saveRaw(long probe, ProbeOutcome outcome) {
        queued.raw(new Object[] {probe, time(outcome.at()), outcome.state().name(), outcome.latencyMillis(), finite(outcome.value()),
                TextLimits.clip(outcome.message(), 500)});
    }

    /** Appends one minute's or hour's sum to its bucket (the hour's minutes, the day's hours). */
    void saveSum(long probe, PackedSums.Span span, Accumulator a) {
        queued.sum(probe, span, span.bucketOf(a.start), PackedSums.encode(span, a.sum()));
    }

    List<ResultPoint> raw(long probe, Instant from, Instant to) {
        queued.write();
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
        queued.write();
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
        queued.write();
        return jdbc.update("DELETE FROM probe_result WHERE at < ?", time(rawBefore))
                + purgeSums(PackedSums.Span.MINUTE, minutesBefore) + purgeSums(PackedSums.Span.HOUR, hoursBefore);
    }

    private int purgeSums(PackedSums.Span span, Instant before) {
        return jdbc.update("DELETE FROM probe_sums WHERE span = ? AND bucket_at <= ?", span.code, time(before.minus(span.bucketLength())));
    }

    private void sums(long probe, PackedSums.Span span, Instant from, Instant to, Consumer<PackedSums.Sum> each) {
        queued.write();
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

    static OffsetDateTime time(Instant instant) {
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

}
