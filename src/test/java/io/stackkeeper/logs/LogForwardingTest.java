package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The kept lines forwarded to Debian's rsyslogd run by the test, over TCP and TLS: in order, as RFC 5424 messages; at
 * least once across a receiver that crashes and a portal that restarts.
 */
class LogForwardingTest {

    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    private LogHistory history;
    private Instant now = T;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void openHistory() throws Exception {
        history = new LogHistory(dir.resolve("logs"), new HistorySettings(Duration.ofDays(7), 1L << 30));
    }

    @AfterEach
    void closeHistory() throws Exception {
        history.close();
    }

    @Test
    void kept_lines_reach_rsyslog_over_tcp_in_order_with_their_level_service_container_and_folded_stack_trace() throws Exception {
        try (Rsyslog receiver = new Rsyslog(dir, null)) {
            keep("backend", "sample-backend", 0, IntStream.range(0, 300).mapToObj(i -> "{\"level\":\"info\",\"message\":\"request " + i + "\"}").toList());
            keep("backend", "sample-backend", 400, List.of("{\"level\":\"error\",\"message\":\"failed \\\"quoted\\\" caf\u00e9\"}",
                    "java.lang.IllegalStateException: boom", "\tat io.example.Handler.handle(Handler.java:42)",
                    "x".repeat(100_000)));
            keep("frontend", "sample-frontend", 500, List.of("GET / 200"));
            SyslogForwarding forwarding = forwarding(receiver, "tcp", null);

            forwarding.tick();

            List<String> received = receiver.await(lines -> lines.size() >= 303);
            assertThat(received).hasSize(303);
            assertThat(received.subList(0, 300)).allSatisfy(line -> assertThat(line).startsWith("6|backend|portal-test|[stackkeeper@32473 container=\"sample-backend\"]|{"));
            assertThat(received.subList(0, 300)).extracting(line -> line.replaceAll(".*\"message\":\"(request \\d+)\".*", "$1"))
                    .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "request " + i).toList());
            assertThat(received.get(300)).startsWith("3|backend|").contains("failed \\\"quoted\\\" caf\u00e9")
                    .endsWith("#012java.lang.IllegalStateException: boom#012#011at io.example.Handler.handle(Handler.java:42)");
            assertThat(received.get(301)).startsWith("6|backend|").endsWith("x" + SyslogMessage.CUT).hasSizeLessThan(64 * 1024);
            assertThat(received.get(302)).startsWith("6|frontend|portal-test|[stackkeeper@32473 container=\"sample-frontend\"]|GET / 200");
            assertThat(forwarding.forwarded()).isEqualTo(303);
            forwarding.close();
        }
    }

    @Test
    void a_receiver_that_crashes_gets_every_line_unproven_again_and_a_restarted_portal_resumes_where_it_stopped() throws Exception {
        try (Rsyslog receiver = new Rsyslog(dir, null)) {
            SyslogForwarding forwarding = forwarding(receiver, "tcp", null);
            keep("backend", "sample-backend", 0, numbered("a", 100));
            forwarding.tick();
            receiver.await(lines -> lines.size() >= 100);
            now = T.plusSeconds(6);
            forwarding.tick(); // the connection outlived the first batch: it is delivered, and its place saved

            keep("backend", "sample-backend", 10_000, numbered("b", 100));
            now = T.plusSeconds(7);
            forwarding.tick();
            receiver.kill();
            keep("backend", "sample-backend", 20_000, numbered("c", 100));
            now = T.plusSeconds(8);
            forwarding.tick();
            assertThat(forwarding.lastFailure()).isNotNull();

            receiver.start();
            now = T.plusSeconds(10);
            forwarding.tick();
            assertThat(forwarding.lastFailure()).isNull();
            List<String> received = receiver.await(has("c99"));
            assertThat(received).filteredOn(line -> line.contains("\"a")).hasSize(100);
            assertThat(forwarding.forwarded()).as("a once, b twice, c once").isEqualTo(400);
            for (String expected : List.of("a0", "a99", "b0", "b50", "b99", "c0", "c99")) {
                assertThat(received).as(expected).anyMatch(line -> line.contains("\"" + expected + "\""));
            }
            now = T.plusSeconds(20);
            forwarding.tick();
            forwarding.close();

            SyslogForwarding restarted = forwarding(receiver, "tcp", null);
            keep("backend", "sample-backend", 30_000, numbered("d", 10));
            now = T.plusSeconds(21);
            restarted.tick();
            List<String> after = receiver.await(has("d9"));
            assertThat(restarted.forwarded()).isEqualTo(10);
            assertThat(after).filteredOn(line -> line.contains("\"c")).hasSize((int) received.stream().filter(line -> line.contains("\"c")).count());
            restarted.close();
        }
    }

    @Test
    void a_second_with_more_lines_than_a_page_holds_and_lines_of_a_megabyte_are_all_forwarded_once() throws Exception {
        try (Rsyslog receiver = new Rsyslog(dir, null)) {
            Instant second = T.minusSeconds(30);
            for (int i = 0; i < 12_000; i++) {
                history.append("backend", "sample-backend", second, "{\"level\":\"info\",\"message\":\"s" + i + "\"}");
            }
            for (int i = 0; i < 40; i++) {
                history.append("backend", "sample-backend", second.plusSeconds(1), "big" + i + " " + "y".repeat(1 << 20));
            }
            history.flush();
            SyslogForwarding forwarding = forwarding(receiver, "tcp", null);
            for (int i = 0; i < 20 && forwarding.forwarded() < 12_040; i++) {
                forwarding.tick();
            }

            List<String> received = receiver.await(lines -> lines.size() >= 12_040);
            assertThat(forwarding.lastFailure()).isNull();
            assertThat(forwarding.forwarded()).isEqualTo(12_040);
            assertThat(received).hasSize(12_040);
            assertThat(received).filteredOn(line -> line.contains("\"s11999\"")).hasSize(1);
            assertThat(received.get(12_039)).contains("big39 yyy").endsWith(SyslogMessage.CUT);
            forwarding.close();
        }
    }

    @Test
    void over_tls_the_receivers_certificate_is_checked_against_the_ca_file() throws Exception {
        TestCertificates ours = TestCertificates.write(dir, "receiver");
        TestCertificates strangers = TestCertificates.write(dir, "strangers");
        try (Rsyslog receiver = new Rsyslog(dir, ours)) {
            keep("backend", "sample-backend", 0, numbered("t", 20));

            SyslogForwarding untrusting = forwarding(receiver, "tls", strangers.caFile);
            untrusting.tick();
            assertThat(untrusting.lastFailure()).containsIgnoringCase("certif");
            assertThat(untrusting.forwarded()).isZero();

            SyslogForwarding trusting = forwarding(receiver, "tls", ours.caFile);
            trusting.tick();
            assertThat(trusting.lastFailure()).isNull();
            assertThat(receiver.await(has("t19"))).hasSize(20).allSatisfy(line -> assertThat(line).startsWith("6|backend|"));
            trusting.close();
        }
    }

    private SyslogForwarding forwarding(Rsyslog receiver, String scheme, Path caFile) {
        LogForwardingProperties settings = new LogForwardingProperties(URI.create(scheme + "://" + (caFile == null ? "127.0.0.1" : "localhost") + ":" + receiver.port()),
                caFile, "portal-test", 16, Duration.ofHours(1), DataSize.ofKilobytes(64));
        return new SyslogForwarding(history::linesAfter,
                List.of("backend", "frontend"), settings, "portal-test", new ForwardCursor(dir.resolve("forwarded")),
                () -> SyslogConnection.open(settings.target(), settings.caFile()), clock);
    }

    /** Keeps the lines a minute before T, from {@code millis} on, a millisecond apart. */
    private void keep(String service, String container, int millis, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            history.append(service, container, T.minusSeconds(60).plusMillis(millis + i), lines.get(i));
        }
        history.flush();
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"level\":\"info\",\"message\":\"" + prefix + i + "\"}").toList();
    }

    private static Predicate<List<String>> has(String message) {
        return lines -> lines.stream().anyMatch(line -> line.contains("\"" + message + "\""));
    }
}
