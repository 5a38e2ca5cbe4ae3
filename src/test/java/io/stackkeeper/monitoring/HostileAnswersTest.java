package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.base.FieldsRefusedException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Targets and inputs that try to make the portal read without end, wait without end or send what it was not asked to. */
@PortalTest
class HostileAnswersTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    NodeExporterSampler nodeExporter;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationRepository outbox;

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[1 << 16];
                Arrays.fill(block, (byte) 'a');
                for (int i = 0; i < 20 * 16; i++) {
                    out.write(block);
                }
                out.write("needle".getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException closedByTheClient) {
                // the client may stop reading
            }
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("node_load1 1\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (java.io.IOException | InterruptedException closedByTheClient) {
                // the client gave up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void an_http_body_is_read_only_up_to_its_first_megabyte() {
        ProbeView probe = TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("huge-" + System.nanoTime(), ProbeComponent.BACKEND,
                ProbeKind.HTTP, url("/huge"), new ProbeOptions(null, null, Map.of(), "needle", null, false, null), 30, 10, 5000, null, null, 2, 1,
                false)));
        ProbeOutcome outcome = TestUsers.asAdmin(() -> monitoring.checkNow(probe.id()));
        assertThat(outcome.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(outcome.message()).isEqualTo("HTTP 200 but the body lacks 'needle'");
        TestUsers.asAdmin(() -> {
            monitoring.deleteProbe(probe.id());
            return null;
        });
    }

    @Test
    void a_header_that_smuggles_a_line_break_is_refused() {
        for (String value : new String[] {"ok\r\nX-Injected: yes", "ok\nX-Injected: yes"}) {
            ProbeSettings smuggling = new ProbeSettings("smuggle-" + System.nanoTime(), ProbeComponent.BACKEND, ProbeKind.HTTP, url("/huge"),
                    new ProbeOptions(null, null, Map.of("X-Token", value), null, null, false, null), 30, 10, 1000, null, null, 2, 1, false);
            assertThatThrownBy(() -> TestUsers.asAdmin(() -> monitoring.createProbe(smuggling)))
                    .isInstanceOfSatisfying(FieldsRefusedException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("headers"));
        }
    }

    @Test
    void a_node_exporter_answer_over_16_megabytes_is_refused_and_one_that_trickles_gives_up_at_the_timeout() {
        assertThatThrownBy(() -> nodeExporter.sample(url("/exporter-of-17-megabytes"), 5000)).hasMessageContaining("HTTP 404");
        server.createContext("/exporter-of-17-megabytes", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] line = "node_load1 1\n".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < (17 << 20) / line.length; i++) {
                    out.write(line);
                }
            } catch (java.io.IOException closedByTheClient) {
                // the client may stop reading
            }
        });
        assertThatThrownBy(() -> nodeExporter.sample(url("/exporter-of-17-megabytes"), 10_000)).hasMessageContaining("answered more than 16 MB");
        long start = System.nanoTime();
        assertThatThrownBy(() -> nodeExporter.sample(url("/trickle"), 1000)).hasMessage("no complete answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_notification_longer_than_20_kilobytes_is_kept_cut_with_a_mark() {
        NotifierView notifier = TestUsers.asAdmin(() -> monitoring.saveNotifier(null, new NotifierSettings("long-" + System.nanoTime(),
                NotifierKind.WEBHOOK, url("/hook"), Set.of(ProbeComponent.BACKEND), ProbeState.WARNING, true, false)));
        notifications.queue(notifier.id(), null, "TEST", "s".repeat(1000), "b".repeat(100_000));
        Notification kept = outbox.findTop100ByOrderByCreatedAtDesc().stream().filter(n -> n.notifierId == notifier.id()).findFirst()
                .orElseThrow();
        assertThat(kept.body).hasSize(20_000).endsWith("b…");
        assertThat(kept.subject).hasSize(300).endsWith("s…");
    }
}
