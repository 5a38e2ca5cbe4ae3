package io.stackkeeper.monitoring;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probe results on their way to the database: status rows (the latest per probe wins), raw rows and sums wait here
 * and are written together in one transaction. A probe deleted while its rows waited loses them with it. When the
 * database refuses the writes (a full disk), they wait for the next try, the oldest raw rows dropped beyond a bound.
 */
@Component
class QueuedWrites {

    private static final Logger log = LoggerFactory.getLogger(QueuedWrites.class);
    /** Raw rows kept while the database refuses them: about an hour of 500 steady probes. */
    static final int MAX_WAITING_RAW = 50_000;
    private static final String UPDATE_STATUS = "UPDATE probe_status SET state = ?, confirmed = ?, message = ?, latency_millis = ?,"
            + " measured = ?, failures = ?, successes = ?, history = ?, flapping = ?, checked_at = ?, changed_at = ? WHERE probe_id = ?";
    private static final String INSERT_STATUS = "INSERT INTO probe_status (state, confirmed, message, latency_millis, measured, failures,"
            + " successes, history, flapping, checked_at, changed_at, probe_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RAW = "INSERT INTO probe_result (probe_id, at, state, latency_millis, measured, message)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Object lock = new Object();
    private final Object writing = new Object();
    private Map<Long, Object[]> statuses = new LinkedHashMap<>();
    private ArrayDeque<Object[]> raws = new ArrayDeque<>();
    private ArrayDeque<Sum> sums = new ArrayDeque<>();

    /** One minute's or hour's packed sum for its bucket. */
    record Sum(long probe, PackedSums.Span span, Instant bucket, byte[] bytes) {
    }

    private record Batch(List<Object[]> statuses, List<Object[]> raws, List<Sum> sums) {

        boolean isEmpty() {
            return statuses.isEmpty() && raws.isEmpty() && sums.isEmpty();
        }

        Batch of(Predicate<Long> probes) {
            return new Batch(statuses.stream().filter(s -> probes.test((Long) s[s.length - 1])).toList(),
                    raws.stream().filter(r -> probes.test((Long) r[0])).toList(), sums.stream().filter(s -> probes.test(s.probe())).toList());
        }
    }

    QueuedWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // their own transaction even when a caller's read transaction is open: a refused write must not roll that back
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A probe's status row; its probe id is the last value. */
    void status(long probe, Object[] values) {
        synchronized (lock) {
            statuses.put(probe, values);
        }
    }

    /** A raw result row: probe id first. */
    void raw(Object[] values) {
        synchronized (lock) {
            raws.addLast(values);
            if (raws.size() > MAX_WAITING_RAW) {
                raws.removeFirst();
            }
        }
    }

    void sum(long probe, PackedSums.Span span, Instant bucket, byte[] bytes) {
        synchronized (lock) {
            sums.addLast(new Sum(probe, span, bucket, bytes));
        }
    }

    /** Writes what waits, in one transaction; answers after it is committed, or keeps it for the next try. */
    void write() {
        synchronized (writing) {
            Batch batch = take();
            if (batch.isEmpty()) {
                return;
            }
            try {
                transactions.executeWithoutResult(t -> store(batch));
            } catch (DataIntegrityViolationException e) {
                Set<Long> probes = new HashSet<>(jdbc.queryForList("SELECT id FROM probe", Long.class));
                writeOrKeep(batch.of(probes::contains));
            } catch (DataAccessException e) {
                keep(batch, e);
            }
        }
    }

    /** The second try, without the probes deleted meanwhile: rows the database still refuses are dropped, not retried forever. */
    private void writeOrKeep(Batch batch) {
        try {
            transactions.executeWithoutResult(t -> store(batch));
        } catch (DataIntegrityViolationException e) {
            log.error("Dropped {} probe results that the database refuses: {}", batch.raws().size() + batch.statuses().size() + batch.sums().size(),
                    e.getMostSpecificCause().toString());
        } catch (DataAccessException e) {
            keep(batch, e);
        }
    }

    private void keep(Batch batch, DataAccessException e) {
        giveBack(batch);
        log.warn("Probe results wait in memory: the database refused them ({}).", e.getMostSpecificCause().toString());
    }

    @PreDestroy
    void writeBeforeStopping() {
        write();
    }

    private Batch take() {
        synchronized (lock) {
            Batch batch = new Batch(new ArrayList<>(statuses.values()), new ArrayList<>(raws), new ArrayList<>(sums));
            statuses = new LinkedHashMap<>();
            raws = new ArrayDeque<>();
            sums = new ArrayDeque<>();
            return batch;
        }
    }

    /** Puts a batch that could not be written back before what came since, newer statuses winning. */
    private void giveBack(Batch batch) {
        synchronized (lock) {
            Map<Long, Object[]> newer = statuses;
            statuses = new LinkedHashMap<>();
            batch.statuses().forEach(values -> statuses.put((Long) values[values.length - 1], values));
            statuses.putAll(newer);
            ArrayDeque<Object[]> waiting = new ArrayDeque<>(batch.raws());
            waiting.addAll(raws);
            while (waiting.size() > MAX_WAITING_RAW) {
                waiting.removeFirst();
            }
            raws = waiting;
            ArrayDeque<Sum> waitingSums = new ArrayDeque<>(batch.sums());
            waitingSums.addAll(sums);
            sums = waitingSums;
        }
    }

    private void store(Batch batch) {
        if (!batch.statuses().isEmpty()) {
            int[] updated = jdbc.batchUpdate(UPDATE_STATUS, batch.statuses());
            List<Object[]> inserts = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    inserts.add(batch.statuses().get(i));
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(INSERT_STATUS, inserts);
            }
        }
        if (!batch.raws().isEmpty()) {
            jdbc.batchUpdate(INSERT_RAW, batch.raws());
        }
        Map<List<Object>, ByteArrayOutputStream> buckets = new LinkedHashMap<>();
        for (Sum sum : batch.sums()) {
            buckets.computeIfAbsent(List.of(sum.probe(), sum.span(), sum.bucket()), key -> new ByteArrayOutputStream()).writeBytes(sum.bytes());
        }
        buckets.forEach((key, bytes) -> append((Long) key.get(0), (PackedSums.Span) key.get(1), (Instant) key.get(2), bytes.toByteArray()));
    }

    /**
     * Appends sums to their bucket's bytes. The bytes are joined here: H2's {@code ||} with a binary parameter did not
     * give the two byte strings one after the other.
     */
    private void append(long probe, PackedSums.Span span, Instant at, byte[] sums) {
        Object bucket = ResultStore.time(at);
        List<byte[]> stored = jdbc.query("SELECT slots FROM probe_sums WHERE probe_id = ? AND span = ? AND bucket_at = ?",
                (rs, i) -> rs.getBytes(1), probe, span.code, bucket);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO probe_sums (probe_id, span, bucket_at, slots) VALUES (?, ?, ?, ?)", probe, span.code, bucket, sums);
            return;
        }
        byte[] joined = java.util.Arrays.copyOf(stored.get(0), stored.get(0).length + sums.length);
        System.arraycopy(sums, 0, joined, stored.get(0).length, sums.length);
        jdbc.update("UPDATE probe_sums SET slots = ? WHERE probe_id = ? AND span = ? AND bucket_at = ?", joined, probe, span.code, bucket);
    }
}
