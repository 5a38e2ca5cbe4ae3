package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.NotifierKind;
import io.stackkeeper.monitoring.NotifierSettings;
import io.stackkeeper.monitoring.NotifierView;
import io.stackkeeper.monitoring.ProbeState;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample backend crashes for real on the local engine: a segfault (exit 139) and an out-of-memory kill under a
 * 32 MB limit (exit 137; this engine reports no {@code oom} event) each open an incident with the last lines, notify,
 * and are served by the API to an operator and refused to a viewer.
 */
@PortalTest
class CrashIncidentsTest {

    @Autowired
    StackService stack;

    @Autowired
    LogService logs;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @Test
    void a_backend_that_segfaults_opens_an_incident_with_its_last_lines_and_a_notification_and_the_api_serves_it() throws Exception {
        NotifierView notifier = TestUsers.asAdmin(() -> monitoring.saveNotifier(null, new NotifierSettings("crashes-" + System.nanoTime(),
                NotifierKind.WEBHOOK, "http://127.0.0.1:9/hook", Set.of(), ProbeState.CRITICAL, true, true)));
        String removedByForce;
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, Map.of("SAMPLE_CRASH", "segv", "SAMPLE_CRASH_AFTER_SECONDS", "6"))) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            removedByForce = sample.frontendName;

            IncidentView incident = awaitIncident(sample.backendName);
            assertThat(incident.kind()).isIn(IncidentKind.SEGFAULT, IncidentKind.RESTART_LOOP);
            assertThat(incident.exitCode()).isEqualTo(139);
            assertThat(incident.part()).isEqualTo("backend");
            IncidentView read = TestUsers.asAdmin(() -> logs.incident(incident.id())).orElseThrow();
            assertThat(read.lastLines()).anyMatch(line -> line.contains("starting backend 89.0.0"))
                    .anyMatch(line -> line.contains("request worker crashed")).hasSizeLessThanOrEqualTo(Incidents.LINES);
            assertThat(TestUsers.asAdmin(() -> monitoring.notifications())).filteredOn(n -> n.notifierId() == notifier.id())
                    .anySatisfy(n -> assertThat(n.subject()).contains(sample.backendName).contains("segmentation fault"));

            String operator = TestUsers.create(accounts, "crash-op", Role.OPERATOR);
            ApiClient.Response list = get("/api/v1/incidents?limit=20", operator);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().toString()).contains("\"containerName\":\"" + sample.backendName + "\"").contains("\"lastLines\":[]");
            ApiClient.Response one = get("/api/v1/incidents/" + incident.id(), operator);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.body().toString()).contains("request worker crashed").contains("\"exitCode\":139");
            assertThat(get("/api/v1/incidents/" + Long.MAX_VALUE, operator).status()).isEqualTo(404);
            assertThat(get("/api/v1/incidents", TestUsers.create(accounts, "crash-viewer", Role.VIEWER)).status()).isEqualTo(403);
        } finally {
            Thread.sleep(3_000);
            TestUsers.asAdmin(() -> {
                monitoring.deleteNotifier(notifier.id());
                return null;
            });
        }
        assertThat(TestUsers.asAdmin(() -> logs.incidents(100))).as("a container removed by force (SIGKILL, then removed) is no crash")
                .noneMatch(i -> i.containerName().equals(removedByForce));
    }

    @Test
    void a_backend_killed_for_memory_under_its_limit_opens_an_incident_with_exit_code_137_and_the_lines_before() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true,
                Map.of("SAMPLE_CRASH", "oom", "SAMPLE_CRASH_AFTER_SECONDS", "6", "SAMPLE_MEMORY_LIMIT_MB", "32"))) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));

            IncidentView incident = awaitIncident(sample.backendName);
            assertThat(incident.exitCode()).isEqualTo(137);
            assertThat(incident.kind()).isIn(IncidentKind.KILLED, IncidentKind.OUT_OF_MEMORY, IncidentKind.RESTART_LOOP);
            assertThat(TestUsers.asAdmin(() -> logs.incident(incident.id())).orElseThrow().lastLines())
                    .anyMatch(line -> line.contains("loading the whole dataset into memory"));
        }
    }

    private IncidentView awaitIncident(String container) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var found = TestUsers.asAdmin(() -> logs.incidents(100)).stream().filter(i -> i.containerName().equals(container) && i.exitCode() != null)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(Instant.now()).as("an incident of " + container).isBefore(until);
            Thread.sleep(250);
        }
    }

    private ApiClient.Response get(String path, String username) {
        ApiClient api = new ApiClient(port);
        return api.send("GET", path, ApiClient.bearer(api.tokenFor(username, TestUsers.PASSWORD)), null);
    }
}
