package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.RedisProcess;
import io.stackkeeper.TestUsers;
import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/** Probes against real parts: the sample stack's containers on the engine, the MongoDB stand-in, a redis-server process. */
@PortalTest
class ProbesTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");

    @Autowired
    MonitoringService monitoring;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private ProbeView create(String name, ProbeComponent component, ProbeKind kind, String target, ProbeOptions options, String warning,
            String critical) {
        ProbeSettings settings = new ProbeSettings(name + "-" + System.nanoTime(), component, kind, target, options, 30, 10, 3000, warning,
                critical, 2, 1, false);
        return TestUsers.asAdmin(() -> monitoring.createProbe(settings));
    }

    private ProbeOutcome check(ProbeView probe) {
        return TestUsers.asAdmin(() -> monitoring.checkNow(probe.id()));
    }

    @Test
    void the_backend_status_answers_200_with_the_configured_user_agent_and_403_without_it() throws Exception {
        sample.awaitReady();
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        String url = "http://127.0.0.1:" + sample.backendPort + "/status";
        ProbeView with = create("status", ProbeComponent.BACKEND, ProbeKind.HTTP, url,
                new ProbeOptions(null, null, Map.of(), null, null, true, null), "1", "5");
        ProbeView without = create("status-no-agent", ProbeComponent.BACKEND, ProbeKind.HTTP, url, ProbeOptions.NONE, null, null);
        ProbeView header = create("status-header", ProbeComponent.BACKEND, ProbeKind.HTTP, url,
                new ProbeOptions("GET", 200, Map.of("User-Agent", SampleStack.STATUS_USER_AGENT), null, "\"?status\"?", false, null), null, null);

        ProbeOutcome ok = check(with);
        assertThat(ok.state()).as(ok.message()).isEqualTo(ProbeState.OK);
        assertThat(ok.message()).startsWith("HTTP 200 in ");
        assertThat(ok.measures().get(0).unit()).isEqualTo("s");
        ProbeOutcome refused = check(without);
        assertThat(refused.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(refused.message()).startsWith("HTTP 403, expected 200");
        assertThat(check(header).state()).isEqualTo(ProbeState.OK);
    }

    @Test
    void a_tcp_port_that_listens_is_ok_and_one_that_does_not_is_refused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(check(create("tcp-open", ProbeComponent.BACKEND, ProbeKind.TCP, "127.0.0.1:" + sample.backendPort, ProbeOptions.NONE,
                null, null)).state()).isEqualTo(ProbeState.OK);
        ProbeOutcome refused = check(create("tcp-closed", ProbeComponent.BACKEND, ProbeKind.TCP, "127.0.0.1:" + closed, ProbeOptions.NONE,
                null, null));
        assertThat(refused.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(refused.message()).isEqualTo("connection refused");
    }

    @Test
    void mongodb_authenticates_with_the_right_password_and_fails_with_a_wrong_one() {
        ProbeView mongo = create("mongo", ProbeComponent.MONGODB, ProbeKind.MONGODB, null, ProbeOptions.NONE, null, null);
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        ProbeOutcome right = check(mongo);
        assertThat(right.state()).isEqualTo(ProbeState.OK);
        assertThat(right.message()).startsWith("MongoDB 4.4.29 answers").containsPattern(", \\d+ connections$");
        assertThat(right.measures()).extracting(Measure::label).contains("connections");

        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings().withDatabases(
                new StackSettingsChange.Databases(sample.mongoUri("wrong-password"), null))));
        ProbeOutcome wrong = check(mongo);
        assertThat(wrong.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(wrong.message()).containsIgnoringCase("auth");
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
    }

    @Test
    void redis_that_stops_is_critical_after_two_failures_and_recovers_when_it_is_back() throws Exception {
        try (RedisProcess redis = new RedisProcess(dir, "redis-secret")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings().withDatabases(
                    new StackSettingsChange.Databases(sample.mongoUri(SampleStack.MONGO_PASSWORD), redis.uri()))));
            ProbeView probe = create("redis", ProbeComponent.REDIS, ProbeKind.REDIS, null, ProbeOptions.NONE, null, null);
            ProbeOutcome up = check(probe);
            assertThat(up.state()).isEqualTo(ProbeState.OK);
            assertThat(up.measures()).extracting(Measure::label).contains("used memory", "clients");

            redis.stop();
            assertThat(check(probe).state()).isEqualTo(ProbeState.CRITICAL);
            assertThat(TestUsers.asAdmin(() -> monitoring.probe(probe.id())).alerting()).isEqualTo(ProbeState.OK);
            assertThat(check(probe).state()).isEqualTo(ProbeState.CRITICAL);
            assertThat(TestUsers.asAdmin(() -> monitoring.probe(probe.id())).alerting()).isEqualTo(ProbeState.CRITICAL);

            redis.start();
            assertThat(check(probe).state()).isEqualTo(ProbeState.OK);
            assertThat(TestUsers.asAdmin(() -> monitoring.probe(probe.id())).alerting()).isEqualTo(ProbeState.OK);
        } finally {
            // an empty secret removes it (null would keep it for the next test class)
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings().withDatabases(
                    new StackSettingsChange.Databases(sample.mongoUri(SampleStack.MONGO_PASSWORD), ""))));
        }
    }

    @Test
    void a_stopped_container_is_critical_with_its_state() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        ProbeView frontend = create("frontend", ProbeComponent.FRONTEND, ProbeKind.CONTAINER, "frontend", ProbeOptions.NONE, null, null);
        assertThat(check(frontend).state()).isEqualTo(ProbeState.OK);
        sample.stop(sample.frontendName);
        try {
            ProbeOutcome stopped = check(frontend);
            assertThat(stopped.state()).isEqualTo(ProbeState.CRITICAL);
            assertThat(stopped.message()).contains(sample.frontendName).contains("exit code");
        } finally {
            sample.start(sample.frontendName);
        }
    }

    @Test
    void host_disk_thresholds_judge_the_fullest_mount_and_a_missing_metric_is_unknown() {
        ProbeView disk = create("disk", ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric("disk"), "0:", "0:");
        ProbeOutcome fine = check(disk);
        assertThat(fine.state()).isEqualTo(ProbeState.OK);
        assertThat(fine.measures()).allSatisfy(m -> assertThat(m.unit()).isEqualTo("%"));
        ProbeView full = create("disk-full", ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric("disk"), null, "@0:100");
        assertThat(check(full).state()).isEqualTo(ProbeState.CRITICAL);
        for (String metric : List.of("load", "cpu", "memory", "swap", "inodes", "diskio")) {
            assertThat(check(create(metric, ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric(metric), null, null)).state())
                    .as(metric).isIn(ProbeState.OK, ProbeState.UNKNOWN);
        }
    }

    @Test
    void a_plan_without_a_set_is_not_fresh_and_an_unknown_plan_is_unknown() {
        assertThat(check(create("fresh-none", ProbeComponent.BACKUPS, ProbeKind.BACKUP_FRESHNESS, "no-such-plan", ProbeOptions.NONE,
                null, null)).state()).isEqualTo(ProbeState.UNKNOWN);
    }

    @Test
    void probes_are_refused_field_by_field_and_a_viewer_reads_but_changes_nothing() {
        ProbeSettings bad = new ProbeSettings("", ProbeComponent.HOST, ProbeKind.TCP, "nohostport", ProbeOptions.NONE, 2, 1, 10, "abc",
                "20:10", 0, 0, false);
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> monitoring.createProbe(bad))).isInstanceOfSatisfying(FieldsRefusedException.class,
                e -> assertThat(e.fieldErrors()).containsKeys("name", "target", "intervalSeconds", "failingIntervalSeconds", "timeoutMillis",
                        "warning", "critical", "alertAfter", "recoverAfter"));
        ProbeView probe = create("viewer-sees", ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric("load"), null, null);
        List<Role> viewer = List.of(Role.VIEWER);
        assertThat(TestUsers.as("manager", viewer, () -> monitoring.probes())).extracting(ProbeView::id).contains(probe.id());
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> monitoring.checkNow(probe.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> monitoring.createProbe(probe.settings())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_nagios_endpoint_prints_the_plugin_format_and_the_script_exits_with_the_state() throws Exception {
        ProbeView critical = create("nagios-full", ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric("disk"), null, "@0:100");
        ProbeView ok = create("nagios ok", ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric("disk"), "0:", "0:");
        check(critical);
        check(ok);
        String viewer = TestUsers.create(accounts, "nagios", Role.VIEWER);
        ApiClient api = new ApiClient(port);
        String token = api.tokenFor(viewer, TestUsers.PASSWORD);
        ApiClient.Response text = api.send("GET", "/api/v1/checks/" + critical.id() + "/nagios", ApiClient.bearer(token), null);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body().asText()).matches("CRITICAL - " + critical.name() + ": [^|\\n]+ \\| 'free [^']+'=[0-9.]+%;;@0:100;0;100.*\\n");

        assertThat(plugin(token, String.valueOf(critical.id()))).isEqualTo(2);
        assertThat(plugin(token, ok.name())).isEqualTo(0);
        assertThat(plugin(token, "no such probe")).isEqualTo(3);
        assertThat(plugin("not-a-token", ok.name())).isEqualTo(3);
    }

    private int plugin(String token, String probe) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("scripts/check_stackkeeper", probe).redirectErrorStream(true);
        builder.environment().put("STACKKEEPER_URL", "http://127.0.0.1:" + port);
        builder.environment().put("STACKKEEPER_TOKEN", token);
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes());
        int exit = run.waitFor();
        assertThat(output).matches("(OK|WARNING|CRITICAL|UNKNOWN) - .*\\n");
        return exit;
    }
}
