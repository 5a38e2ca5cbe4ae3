package io.stackkeeper.monitoring;

import com.sun.net.httpserver.HttpServer;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Monitoring numbers (run with {@code bench/monitoring.sh}), each against a baseline measured in the same run:
 * <ol>
 * <li>{@code bench.probes} HTTP probes (default 500) at a 5 s interval against a local endpoint for
 * {@code bench.minutes} (default 10): the 99th percentile of how late a probe starts after it is due (target under
 * 500 ms); the portal's CPU time for it against a bare loop doing the same requests with the JDK's HttpClient at the
 * same rate for as long (target ratio 1.5 at most), each side measured after 30 s of warm-up; heap after a full GC at minute 2 and at the end (flat);</li>
 * <li>the steady state of 500 probes (a year of sums, a day of raw results) written straight into the tables: the
 * monitoring page's reads and a probe's 30-day and 365-day chart data (target under 300 ms each), the tables' pages
 * and the whole database file compacted (target under 1 GB), and the growth per day before retention applies.</li>
 * </ol>
 * The table goes to stdout and to {@code target/bench/monitoring.md}.
 */
@PortalTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/bench/monitoring-db/stackkeeper;WRITE_DELAY=0")
class MonitoringBenchmark {

    static {
        // a file database as in production (WRITE_DELAY=0 too), new for each run, so its size on disk can be measured
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/bench/monitoring-db"));
    }

    private static final int PROBES = Integer.getInteger("bench.probes", 500);
    private static final int MINUTES = Integer.getInteger("bench.minutes", 10);
    private static final int INTERVAL = 5;
    /** Unmeasured time before each side's measurement, so that neither pays for the JIT compiling the shared code. */
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    @Autowired
    MonitoringService monitoring;

    @Autowired
    ProbeRounds rounds;

    @Autowired
    JdbcTemplate jdbc;

    private final StringBuilder report = new StringBuilder();

    @Test
    void probes_run_on_time_cheaply_and_a_year_of_results_reads_fast() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try {
            row("| measure | portal | baseline | ratio | target |");
            row("|---|---:|---:|---:|---:|");
            scheduling(url);
            storage();
        } finally {
            server.stop(0);
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/monitoring.md"), report);
        System.out.println(report);
    }

    private void scheduling(String url) throws Exception {
        List<Long> probes = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            probes.add(TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("bench-" + System.nanoTime(), ProbeComponent.BACKEND,
                    ProbeKind.HTTP, url, ProbeOptions.NONE, INTERVAL, INTERVAL, 2000, null, null, 2, 1, false))).id());
        }
        List<Long> delays = new CopyOnWriteArrayList<>();
        rounds.onRun(ran -> delays.add(Duration.between(ran.due(), ran.started()).toMillis()));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Instant measured = Instant.now().plus(WARM_UP);
        Instant end = measured.plus(Duration.ofMinutes(MINUTES));
        long cpuStart = -1;
        long heapAtTwo = -1;
        Instant two = measured.plus(Duration.ofMinutes(Math.min(2, MINUTES / 2)));
        while (Instant.now().isBefore(end)) {
            long next = System.currentTimeMillis() + 1000;
            if (cpuStart < 0 && !Instant.now().isBefore(measured)) {
                cpuStart = cpu();
                delays.clear();
            }
            rounds.round();
            if (heapAtTwo < 0 && Instant.now().isAfter(two)) {
                System.gc();
                heapAtTwo = memory.getHeapMemoryUsage().getUsed();
            }
            Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
        }
        long portalCpu = cpu() - cpuStart;
        System.gc();
        long heapAtEnd = memory.getHeapMemoryUsage().getUsed();
        rounds.onRun(ran -> { });
        Thread.sleep(3000);
        TestUsers.asAdmin(() -> {
            probes.forEach(monitoring::deleteProbe);
            return null;
        });

        long baselineCpu = bareLoop(url);
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        long p99 = sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
        row(String.format("| %d HTTP probes at %d s for %d min: runs | %d | %d expected | | |", PROBES, INTERVAL, MINUTES, delays.size(),
                (long) PROBES * MINUTES * 60 / INTERVAL));
        row(String.format("| start delay p99 | %d ms | | | < 500 ms |", p99));
        row(String.format("| CPU time | %.1f s | %.1f s | %.2f | <= 1.5 |", portalCpu / 1e9, baselineCpu / 1e9, (double) portalCpu / baselineCpu));
        row(String.format("| heap after GC, minute 2 and end | %d MB | %d MB | %.2f | flat |", heapAtTwo >> 20, heapAtEnd >> 20,
                (double) heapAtEnd / Math.max(1, heapAtTwo)));
    }

    /** The same requests at the same rate with nothing around them: the JDK's HttpClient on a scheduler. */
    private long bareLoop(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(32);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        for (int i = 0; i < PROBES; i++) {
            scheduler.scheduleAtFixedRate(() -> {
                try {
                    client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    // counted as a run all the same
                }
            }, (long) i * INTERVAL * 1000 / PROBES, INTERVAL * 1000L, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(WARM_UP.toMillis());
        long start = cpu();
        Thread.sleep(Duration.ofMinutes(MINUTES).toMillis());
        long used = cpu() - start;
        scheduler.shutdownNow();
        return used;
    }

    /**
     * The steady state of 500 probes written straight into the tables: 50 host probes with a value (the heaviest
     * sums) and 450 HTTP probes, each with 24 h of raw rows (one a minute: a steady probe), 14 days of minute sums and
     * 400 days of hour sums. Reads are timed on a host probe.
     */
    private void storage() throws Exception {
        List<Long> probes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boolean host = i < 50;
            probes.add(TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("year-" + System.nanoTime(), host ? ProbeComponent.HOST
                    : ProbeComponent.BACKEND, host ? ProbeKind.HOST : ProbeKind.HTTP, host ? null : "http://127.0.0.1:9/",
                    host ? ProbeOptions.metric("disk") : ProbeOptions.NONE, 30, 10, 2000, host ? "10:" : null, host ? "5:" : null, 2, 1,
                    false))).id());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long rowsBefore = rows();
        long generating = System.nanoTime();
        for (int i = 0; i < probes.size(); i++) {
            long probe = probes.get(i);
            boolean values = i < 50;
            List<Object[]> buckets = new ArrayList<>();
            Instant today = now.truncatedTo(ChronoUnit.DAYS);
            for (int d = 0; d < 400; d++) {
                buckets.add(bucket(probe, PackedSums.Span.HOUR, today.minus(Duration.ofDays(d)), 24, 120, values));
            }
            for (int h = 0; h < 14 * 24; h++) {
                buckets.add(bucket(probe, PackedSums.Span.MINUTE, now.minus(Duration.ofHours(h)), 60, 2, values));
            }
            jdbc.batchUpdate("INSERT INTO probe_sums (probe_id, span, bucket_at, slots) VALUES (?, ?, ?, ?)", buckets);
            List<Object[]> raw = new ArrayList<>();
            for (int m = 0; m < 24 * 60; m++) {
                raw.add(new Object[] {probe, Timestamp.from(now.minus(Duration.ofMinutes(m + 1))), "OK", 12L, values ? 42.5 : null,
                        values ? "42.5 % free on /" : "HTTP 200 in 12 ms"});
            }
            jdbc.batchUpdate("INSERT INTO probe_result (probe_id, at, state, latency_millis, measured, message) VALUES (?, ?, ?, ?, ?, ?)", raw);
        }
        long rowsWritten = rows() - rowsBefore;
        double generated = (System.nanoTime() - generating) / 1e9;
        long page = median(() -> {
            monitoring.probes();
            monitoring.dayUptimes();
            monitoring.alerts(false);
        });
        long month = median(() -> monitoring.results(probes.get(0), Instant.now().minus(Duration.ofDays(30)), Instant.now()));
        long year = median(() -> monitoring.results(probes.get(0), Instant.now().minus(Duration.ofDays(365)), Instant.now()));
        row(String.format("| monitoring page reads with 500 probes (median of 5) | %d ms | | | < 300 ms |", page));
        row(String.format("| a probe's 30-day chart data | %d ms | | | < 300 ms |", month));
        row(String.format("| a probe's 365-day chart data | %d ms | | | < 300 ms |", year));
        long raw = jdbc.queryForObject("SELECT DISK_SPACE_USED('PROBE_RESULT')", Long.class);
        long sums = jdbc.queryForObject("SELECT DISK_SPACE_USED('PROBE_SUMS')", Long.class);
        double minuteShare = jdbc.queryForObject("SELECT CAST(SUM(CASE WHEN span = 'M' THEN OCTET_LENGTH(slots) ELSE 0 END) AS DOUBLE)"
                + " / SUM(OCTET_LENGTH(slots)) FROM probe_sums", Double.class);
        double perDay = raw + sums * (minuteShare / 14 + (1 - minuteShare) / 400);
        row(String.format("| 500 probes' steady state (50 host with values, 450 HTTP; raw 24 h, minute sums 14 d, hour sums 400 d): rows | %d | | | |",
                rowsWritten));
        row(String.format("| its tables' pages (raw, sums) | %.0f MB, %.0f MB | | | |", raw / 1e6, sums / 1e6));
        row(String.format("| the whole database file at that steady state, compacted (a copy) | %.0f MB | | | < 1 GB |", compactedCopy() / 1e6));
        row(String.format("| growth per day for 500 probes before retention applies | %.0f MB | | | |", perDay / 1e6));
        row(String.format("| time to write the steady state | %.1f s | | | |", generated));
        TestUsers.asAdmin(() -> {
            probes.forEach(monitoring::deleteProbe);
            return null;
        });
    }

    /**
     * The size of the database file as it stands, without the free pages H2 keeps after heavy writing: a backup of it
     * compacted on its own, uncompressed as the portal writes it.
     */
    private long compactedCopy() throws Exception {
        Path dir = Path.of("target/bench/monitoring-copy").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path zip = dir.resolve("copy.zip");
        jdbc.execute("BACKUP TO '" + zip + "'");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("stackkeeper.mv.db")) {
                    Files.copy(in, dir.resolve("stackkeeper.mv.db"));
                }
            }
        }
        Files.delete(zip);
        // compacted as it is, without the compression that SHUTDOWN COMPACT would add
        org.h2.mvstore.MVStoreTool.compact(dir.resolve("stackkeeper.mv.db").toString(), false);
        return Files.size(dir.resolve("stackkeeper.mv.db"));
    }

    /** One bucket of packed sums, each slot with {@code runs} results: all OK, latencies 8-40 ms, a value where asked. */
    private static Object[] bucket(long probe, PackedSums.Span span, Instant start, int slots, int runs, boolean values) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < slots; i++) {
            bytes.writeBytes(PackedSums.encode(span, new PackedSums.Sum(start.plus(i, span.slot), new int[] {runs, 0, 0, 0},
                    new long[] {8, 12, 40, 30}, values ? new double[] {40.0, 42.5, 45.0, 44.9} : null)));
        }
        return new Object[] {probe, span.code, Timestamp.from(start), bytes.toByteArray()};
    }

    private long rows() {
        Long count = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM probe_sums) + (SELECT COUNT(*) FROM probe_result)", Long.class);
        return count == null ? 0 : count;
    }

    private static long median(Runnable read) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            TestUsers.asAdmin(() -> {
                read.run();
                return null;
            });
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(2);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void row(String line) {
        report.append(line).append('\n');
        System.out.println(line);
    }
}
