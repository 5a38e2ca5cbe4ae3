package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.stackkeeper.PortalTest;
import io.stackkeeper.RedisProcess;
import io.stackkeeper.TestUsers;
import io.stackkeeper.stack.SampleStack;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Alerts from real failures: a redis-server process that stops, and the sample backend container whose /status checks
 * that Redis as the vendor's does. Webhooks reach a local HTTP server; email reaches GreenMail.
 */
@PortalTest
class AlertingTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    Notifications notifications;

    @Autowired
    MonitoringProperties properties;

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer hooks;
    private RedisProcess redis;
    private NotifierView notifier;
    private final List<Long> created = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
        redis = RedisProcess.reachableFromContainers(dir, "redis-secret");
        notifier = TestUsers.asAdmin(() -> monitoring.saveNotifier(null, new NotifierSettings("hook-" + System.nanoTime(), NotifierKind.WEBHOOK,
                "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook", Set.of(ProbeComponent.REDIS, ProbeComponent.BACKEND),
                ProbeState.WARNING, true, true)));
    }

    @AfterEach
    void stop() {
        TestUsers.asAdmin(() -> {
            monitoring.deleteNotifier(notifier.id());
            created.forEach(monitoring::deleteProbe);
            return null;
        });
        hooks.stop(0);
        redis.close();
    }

    @Test
    void a_redis_outage_opens_one_alert_after_two_failures_folds_the_backends_status_into_it_and_recovery_is_sent() throws Exception {
        ProbeView redisPort = probe("redis", ProbeComponent.REDIS, ProbeKind.TCP, "127.0.0.1:" + redis.port());
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true,
                Map.of("TOUCAN_REDIS_HOST", SampleStack.HOST_FROM_CONTAINERS, "TOUCAN_REDIS_PORT", String.valueOf(redis.port())))) {
            sample.awaitReady();
            outageOfRedisFoldsTheBackendsStatus(redisPort, probe("status", ProbeComponent.BACKEND, ProbeKind.HTTP,
                    "http://127.0.0.1:" + sample.backendPort + "/status", new ProbeOptions(null, null,
                            Map.of("User-Agent", SampleStack.STATUS_USER_AGENT), null, null, false, null)));
        }
    }

    private void outageOfRedisFoldsTheBackendsStatus(ProbeView redisPort, ProbeView status) throws Exception {
        check(redisPort, status);
        redis.stop();
        check(status, redisPort);
        assertThat(TestUsers.asAdmin(() -> monitoring.alerts(false))).noneMatch(a -> a.probeId() == redisPort.id() || a.probeId() == status.id());
        check(status, redisPort);
        deliver();

        List<AlertView> open = TestUsers.asAdmin(() -> monitoring.alerts(false));
        AlertView root = open.stream().filter(a -> a.probeId() == redisPort.id()).findFirst().orElseThrow();
        AlertView folded = open.stream().filter(a -> a.probeId() == status.id()).findFirst().orElseThrow();
        assertThat(root.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(folded.foldedInto()).isEqualTo(root.id());
        assertThat(folded.rootCause()).startsWith("failing because Redis is down (" + redisPort.name() + ": connection refused");
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("\"kind\":\"OPENED\"", "CRITICAL: " + redisPort.name(), "Last results:", "Last backup:");

        Thread.sleep(properties.reminderPeriod().toMillis() + 200);
        check(status, redisPort);
        deliver();
        assertThat(received).as("one reminder, for the root cause only").hasSize(2);
        assertThat(received.get(1)).contains("\"kind\":\"REMINDER\"");

        redis.start();
        check(redisPort, status);
        deliver();
        assertThat(received).hasSize(3);
        assertThat(received.get(2)).contains("\"kind\":\"RECOVERED\"", "RECOVERED: " + redisPort.name());
        assertThat(TestUsers.asAdmin(() -> monitoring.alerts(false))).noneMatch(a -> a.probeId() == redisPort.id() || a.probeId() == status.id());
    }

    @Test
    void alerts_in_a_maintenance_window_are_held_and_sent_when_it_ends_if_still_bad() throws Exception {
        ProbeView redisPort = probe("maintained", ProbeComponent.REDIS, ProbeKind.TCP, "127.0.0.1:" + redis.port());
        MaintenanceView window = TestUsers.asAdmin(() -> monitoring.setMaintenance(Set.of(ProbeComponent.REDIS), Instant.now(),
                Instant.now().plusSeconds(3600), "Redis upgrade"));
        redis.stop();
        check(redisPort);
        check(redisPort);
        deliver();
        assertThat(received).isEmpty();
        AlertView held = TestUsers.asAdmin(() -> monitoring.alerts(false)).stream().filter(a -> a.probeId() == redisPort.id()).findFirst().orElseThrow();
        assertThat(held.inMaintenance()).isTrue();
        assertThat(TestUsers.asAdmin(() -> monitoring.probe(redisPort.id())).inMaintenance()).isTrue();

        TestUsers.asAdmin(() -> {
            monitoring.endMaintenance(window.id());
            return null;
        });
        check(redisPort);
        deliver();
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("\"kind\":\"OPENED\"");
    }

    @Test
    void a_flapping_probe_sends_one_flapping_notice_instead_of_one_per_change() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProbeView flappy = TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("flappy-" + System.nanoTime(), ProbeComponent.REDIS,
                ProbeKind.TCP, "127.0.0.1:" + port, ProbeOptions.NONE, 30, 10, 500, null, null, 1, 1, false)));
        created.add(flappy.id());
        for (int i = 0; i < 24; i++) {
            if (i % 2 == 0) {
                check(flappy);
            } else {
                try (ServerSocket open = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                    check(flappy);
                }
            }
            deliver();
        }
        assertThat(TestUsers.asAdmin(() -> monitoring.probe(flappy.id())).flapping()).isTrue();
        assertThat(received.stream().filter(body -> body.contains("\"kind\":\"FLAPPING\""))).hasSize(1);
        assertThat(received.stream().filter(body -> body.contains(flappy.name())).count()).as("of 24 changes: the first few before flapping is detected, then one notice").isLessThanOrEqualTo(8);
    }

    @Test
    void a_failed_backup_notice_reaches_notifiers_of_stack_events_and_a_refused_delivery_is_retried_later() {
        Instant now = Instant.now();
        notifications.queue(notifier.id(), null, "BACKUP_FAILED", "CRITICAL: backup x failed", "the disk is full");
        hooks.removeContext("/hook");
        deliver();
        NotificationView waiting = TestUsers.asAdmin(() -> monitoring.notifications()).stream()
                .filter(n -> n.notifierId() == notifier.id()).findFirst().orElseThrow();
        assertThat(waiting.deliveredAt()).isNull();
        assertThat(waiting.lastError()).contains("HTTP 404");
        assertThat(waiting.nextAttemptAt()).isAfter(now.plusSeconds(20));
        assertThat(TestUsers.asAdmin(() -> monitoring.notifiers())).filteredOn(n -> n.id() == notifier.id())
                .singleElement().satisfies(n -> assertThat(n.lastError()).contains("HTTP 404"));
    }

    @Test
    void an_email_notifier_sends_through_smtp() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(smtp.getSmtp().getPort());
            Senders senders = new Senders(provider(mail), properties);
            Notifier email = new Notifier();
            email.kind = NotifierKind.EMAIL;
            email.target = "ops@example.com";
            senders.send(email, "OPENED", "CRITICAL: Redis - connection refused", "Redis is CRITICAL: connection refused");
            MimeMessage[] messages = smtp.getReceivedMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("CRITICAL: Redis - connection refused");
            assertThat(messages[0].getAllRecipients()[0]).hasToString("ops@example.com");
        } finally {
            smtp.stop();
        }
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject(Object... args) {
                return sender;
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return sender;
            }

            @Override
            public JavaMailSender getObject() {
                return sender;
            }
        };
    }

    private ProbeView probe(String name, ProbeComponent component, ProbeKind kind, String target) {
        return probe(name, component, kind, target, ProbeOptions.NONE);
    }

    private ProbeView probe(String name, ProbeComponent component, ProbeKind kind, String target, ProbeOptions options) {
        ProbeView probe = TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings(name + "-" + System.nanoTime(), component, kind,
                target, options, 30, 10, 3000, null, null, 2, 1, false)));
        created.add(probe.id());
        return probe;
    }

    private void check(ProbeView... probes) {
        for (ProbeView probe : probes) {
            TestUsers.asAdmin(() -> monitoring.checkNow(probe.id()));
        }
    }

    private void deliver() {
        notifications.deliverDue();
    }

}
