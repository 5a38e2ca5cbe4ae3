package io.stackkeeper.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The probe tables written in plain SQL: the latest status per probe, raw results, and minute and hour aggregates. */
@Component
record ResultStore(JdbcTemplate jdbc) {

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

    /** Adds an aggregate; one for the same probe, span and start (an hour resumed after a restart) is merged into. */
    void saveAggregate(long probe, char span, Accumulator a) {
        long[] l = a.latency();
        double[] v = a.value();
        Object[] key = {probe, String.valueOf(span), time(a.start)};
        List<Object[]> existing = jdbc.query("SELECT ok_count, warning_count, critical_count, unknown_count, latency_min, latency_max,"
                + " latency_p95, latency_avg FROM probe_aggregate WHERE probe_id = ? AND span = ? AND start_at = ?",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)},
                key);
        if (!existing.isEmpty()) {
            Object[] e = existing.get(0);
            int before = (int) e[0] + (int) e[1] + (int) e[2] + (int) e[3];
            int now = a.counts[0] + a.counts[1] + a.counts[2] + a.counts[3];
            jdbc.update("UPDATE probe_aggregate SET ok_count = ok_count + ?, warning_count = warning_count + ?, critical_count = critical_count + ?,"
                    + " unknown_count = unknown_count + ?, latency_min = ?, latency_max = ?, latency_p95 = ?, latency_avg = ?"
                    + " WHERE probe_id = ? AND span = ? AND start_at = ?", a.counts[0], a.counts[1], a.counts[2], a.counts[3],
                    Math.min((long) e[4], l[0]), Math.max((long) e[5], l[2]), Math.max((long) e[6], l[3]),
                    ((long) e[7] * before + l[1] * now) / Math.max(1, before + now), key[0], key[1], key[2]);
            return;
        }
        jdbc.update("INSERT INTO probe_aggregate (probe_id, span, start_at, ok_count, warning_count, critical_count, unknown_count, latency_min,"
                + " latency_avg, latency_max, latency_p95, value_min, value_avg, value_max, value_p95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key[0], key[1], key[2], a.counts[0], a.counts[1], a.counts[2], a.counts[3], l[0], l[1], l[2], l[3],
                v == null ? null : v[0], v == null ? null : v[1], v == null ? null : v[2], v == null ? null : v[3]);
    }

    List<ResultPoint> raw(long probe, Instant from, Instant to) {
        return jdbc.query("SELECT at, state, latency_millis, measured, message FROM probe_result WHERE probe_id = ? AND at >= ? AND at < ? ORDER BY at",
                (rs, i) -> new ResultPoint(instant(rs, "at"), 1, ProbeState.valueOf(rs.getString("state")), rs.getLong("latency_millis"),
                        rs.getLong("latency_millis"), nullable(rs, "measured"), nullable(rs, "measured"), rs.getString("message"),
                        counts(ProbeState.valueOf(rs.getString("state")))),
                probe, time(from), time(to));
    }

    List<ResultPoint> aggregates(long probe, char span, Instant from, Instant to) {
        return jdbc.query("SELECT * FROM probe_aggregate WHERE probe_id = ? AND span = ? AND start_at >= ? AND start_at < ? ORDER BY start_at",
                (rs, i) -> {
                    int[] counts = {rs.getInt("ok_count"), rs.getInt("warning_count"), rs.getInt("critical_count"), rs.getInt("unknown_count")};
                    return new ResultPoint(instant(rs, "start_at"), counts[0] + counts[1] + counts[2] + counts[3], worst(counts),
                            rs.getLong("latency_avg"), rs.getLong("latency_p95"), nullable(rs, "value_avg"), nullable(rs, "value_max"), null, counts);
                }, probe, String.valueOf(span), time(from), time(to));
    }

    /** Counts per state over the span's aggregates since {@code from}: for uptime. */
    int[] counts(long probe, char span, Instant from) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(ok_count), 0), COALESCE(SUM(warning_count), 0), COALESCE(SUM(critical_count), 0),"
                + " COALESCE(SUM(unknown_count), 0) FROM probe_aggregate WHERE probe_id = ? AND span = ? AND start_at >= ?",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}, probe, String.valueOf(span), time(from));
    }

    /** Counts per state and probe over the minute sums since {@code from}: the day's uptime of every probe at once. */
    Map<Long, int[]> countsByProbe(Instant from) {
        Map<Long, int[]> counts = new HashMap<>();
        jdbc.query("SELECT probe_id, SUM(ok_count), SUM(warning_count), SUM(critical_count), SUM(unknown_count) FROM probe_aggregate"
                + " WHERE span = 'M' AND start_at >= ? GROUP BY probe_id", rs -> {
                    counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)});
                }, time(from));
        return counts;
    }

    /** Removes what is older than its retention; answers the rows removed. */
    int purge(Instant rawBefore, Instant minutesBefore, Instant hoursBefore) {
        return jdbc.update("DELETE FROM probe_result WHERE at < ?", time(rawBefore))
                + jdbc.update("DELETE FROM probe_aggregate WHERE span = 'M' AND start_at < ?", time(minutesBefore))
                + jdbc.update("DELETE FROM probe_aggregate WHERE span = 'H' AND start_at < ?", time(hoursBefore));
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
