package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rounds run due probes at their time on the worker pool, and a target that never answers holds up nobody. */
@PortalTest
class ProbeRoundsTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    ProbeRounds rounds;

    @Autowired
    ProbeResults results;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ResultStore store;

    @Test
    void due_probes_run_on_time_while_a_hanging_target_only_times_out_its_own_probe() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<ProbeView> fast = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fast.add(create("fast-" + i, "http://127.0.0.1:" + server.getAddress().getPort() + "/", 1000));
            }
            ProbeView hanging = create("hanging", "http://127.0.0.1:" + silent.getLocalPort() + "/", 800);
            List<ProbeRounds.Ran> runs = new CopyOnWriteArrayList<>();
            rounds.onRun(runs::add);
            Instant end = Instant.now().plusSeconds(12);
            while (Instant.now().isBefore(end)) {
                rounds.round();
                Thread.sleep(1000);
            }
            Thread.sleep(2500); // runs the last round timed finish (800 ms timeouts)
            rounds.onRun(ran -> { });
            store.writeQueued();

            for (ProbeView probe : fast) {
                List<ProbeRounds.Ran> own = runs.stream().filter(r -> r.probe().id() == probe.id()).toList();
                assertThat(own).as(probe.name()).hasSizeGreaterThanOrEqualTo(1);
                assertThat(own).allSatisfy(r -> {
                    assertThat(r.outcome().state()).isEqualTo(ProbeState.OK);
                    assertThat(Duration.between(r.due(), r.started())).isLessThan(Duration.ofMillis(500));
                });
            }
            List<ProbeRounds.Ran> stuck = runs.stream().filter(r -> r.probe().id() == hanging.id()).toList();
            assertThat(stuck).as("every run reaches alerting and the listener, also one that opens an alert")
                    .hasSize(results.recent(hanging.id()).size()).allSatisfy(r -> assertThat(r.outcome().message()).contains("no complete answer within 800 ms"));
            Integer raw = jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE probe_id = ?", Integer.class, fast.get(0).id());
            assertThat(raw).isBetween(1, 2);
        } finally {
            server.stop(0);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void a_body_pattern_that_backtracks_forever_fails_its_probe_within_a_second() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = ("a".repeat(24) + "b".repeat(2000)).getBytes();
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ProbeView probe = TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("redos-" + System.nanoTime(), ProbeComponent.BACKEND,
                    ProbeKind.HTTP, "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                    new ProbeOptions(null, null, java.util.Map.of(), null, "(.*a){25}", false, null), 30, 10, 5000, null, null, 2, 1, false)));
            long start = System.nanoTime();
            ProbeOutcome outcome = TestUsers.asAdmin(() -> monitoring.checkNow(probe.id()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(outcome.state()).isEqualTo(ProbeState.CRITICAL);
            assertThat(outcome.message()).contains("body pattern took longer than 1000 ms");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_steady_probe_writes_its_state_once_a_minute_and_sums_each_minute_and_hour() {
        ProbeView probe = create("sums", "http://127.0.0.1:9/", 1000);
        ProbeDefinition definition = new ProbeDefinition(probe.id(), probe.settings(), Thresholds.of(null, null));
        Instant start = Instant.parse("2026-12-03T10:58:00Z");
        for (int i = 0; i < 36; i++) {
            Instant at = start.plusSeconds(i * 5L);
            results.record(definition, new ProbeOutcome(i == 20 ? ProbeState.CRITICAL : ProbeState.OK, "run " + i, 10 + i, List.of(
                    new Measure("time", 0.01 * i, "s")), at));
        }
        results.flush(start.plus(Duration.ofHours(2)));
        store.writeQueued();

        Integer raw = jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE probe_id = ?", Integer.class, probe.id());
        assertThat(raw).as("one a minute and one per state change, not 36").isEqualTo(5);
        List<ResultPoint> minutes = TestUsers.asAdmin(() -> monitoring.results(probe.id(), start, start.plus(Duration.ofHours(7))));
        assertThat(minutes).extracting(ResultPoint::results).containsExactly(12, 12, 12);
        assertThat(minutes.get(1).state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(minutes.get(1).counts()).containsExactly(11, 0, 1, 0);
        assertThat(store.aggregates(probe.id(), PackedSums.Span.HOUR, start.minus(Duration.ofHours(1)), start.plus(Duration.ofDays(1))))
                .extracting(ResultPoint::results).containsExactly(24, 12);
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM probe_sums WHERE probe_id = ?", Integer.class, probe.id());
        assertThat(rows).as("the minutes of two hours and the hours of one day").isEqualTo(3);
    }

    @Test
    void results_of_a_probe_deleted_while_they_waited_are_dropped_without_failing_the_next_read() {
        ProbeView gone = create("gone", "http://127.0.0.1:9/", 1000);
        ProbeView kept = create("kept", "http://127.0.0.1:9/", 1000);
        Instant at = Instant.now();
        results.record(new ProbeDefinition(gone.id(), gone.settings(), Thresholds.of(null, null)), new ProbeOutcome(ProbeState.OK, "ok", 5, List.of(), at));
        results.record(new ProbeDefinition(kept.id(), kept.settings(), Thresholds.of(null, null)), new ProbeOutcome(ProbeState.OK, "ok", 5, List.of(), at));
        TestUsers.asAdmin(() -> {
            monitoring.deleteProbe(gone.id());
            return null;
        });

        List<ResultPoint> read = TestUsers.asAdmin(() -> monitoring.results(kept.id(), at.minusSeconds(60), at.plusSeconds(60)));
        assertThat(read).extracting(ResultPoint::message).containsExactly("ok");
    }

    private ProbeView create(String name, String url, int timeoutMillis) {
        return TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings(name + "-" + System.nanoTime(), ProbeComponent.BACKEND,
                ProbeKind.HTTP, url, ProbeOptions.NONE, 5, 5, timeoutMillis, null, null, 2, 1, false)));
    }
}
