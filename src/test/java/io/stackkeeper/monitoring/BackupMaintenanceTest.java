package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.backup.BackupPlanSettings;
import io.stackkeeper.backup.Contents;
import io.stackkeeper.backup.BackupReason;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RetentionPolicy;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A real backup of the sample stack opens a maintenance window by itself, and an alert opened in it notifies nobody. */
@PortalTest
class BackupMaintenanceTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    Notifications notifications;

    @Autowired
    BackupService backups;

    @Autowired
    StackService stack;

    @TempDir
    Path target;

    @Test
    void a_running_backup_holds_the_alerts_of_mongodb_and_its_window_closes_when_it_ends() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            sample.awaitReady();
            writeRandom(sample.storage.resolve("big.bin"), 96 << 20);
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            NotifierView notifier = TestUsers.asAdmin(() -> monitoring.saveNotifier(null, new NotifierSettings("hook-" + System.nanoTime(),
                    NotifierKind.WEBHOOK, "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook", Set.of(ProbeComponent.MONGODB),
                    ProbeState.WARNING, true, true)));
            ProbeView closed = TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("mongo-port-" + System.nanoTime(),
                    ProbeComponent.MONGODB, ProbeKind.TCP, "127.0.0.1:" + closedPort(), ProbeOptions.NONE, 300, 300, 2000, null, null,
                    2, 1, false)));
            try {
                String plan = TestUsers.unique("window").toLowerCase();
                TestUsers.asAdmin(() -> backups.savePlan(null, new BackupPlanSettings(plan, "0 0 3 * * ?", target.toString(), Contents.BOTH,
                        false, 1, new RetentionPolicy(9, 0, 0, 0, 0, 0), null, true)));
                BackupRunRecord run = TestUsers.asAdmin(() -> backups.backUp(plan, BackupReason.MANUAL));
                awaitMaintenance(closed, true);
                TestUsers.asAdmin(() -> monitoring.checkNow(closed.id()));
                TestUsers.asAdmin(() -> monitoring.checkNow(closed.id()));
                notifications.deliverDue();

                AlertView held = TestUsers.asAdmin(() -> monitoring.alerts(false)).stream().filter(a -> a.probeId() == closed.id())
                        .findFirst().orElseThrow();
                assertThat(held.inMaintenance()).isTrue();
                assertThat(received).noneMatch(body -> body.contains(closed.name()));
                assertThat(TestUsers.asAdmin(() -> backups.run(run.id())).orElseThrow().status())
                        .as("the backup was still running while the alert opened").isEqualTo(RunStatus.RUNNING);

                awaitMaintenance(closed, false);
                assertThat(TestUsers.asAdmin(() -> backups.run(run.id())).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(TestUsers.asAdmin(() -> monitoring.maintenanceWindows())).anySatisfy(window -> {
                    assertThat(window.reason()).contains(run.id());
                    assertThat(window.endsAt()).isNotNull();
                });
            } finally {
                TestUsers.asAdmin(() -> {
                    monitoring.deleteProbe(closed.id());
                    monitoring.deleteNotifier(notifier.id());
                    return null;
                });
            }
        } finally {
            hooks.stop(0);
        }
    }

    private void awaitMaintenance(ProbeView probe, boolean expected) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (TestUsers.asAdmin(() -> monitoring.probe(probe.id())).inMaintenance() != expected) {
            assertThat(Instant.now()).as("maintenance " + (expected ? "opened" : "closed")).isBefore(until);
            Thread.sleep(20);
        }
    }

    private static void writeRandom(Path file, int bytes) throws Exception {
        byte[] block = new byte[1 << 20];
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
