package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.MongoStandIn;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What goes wrong: a backend that never gets healthy after a restore, MongoDB gone mid-dump, a portal stopped mid-run; and the API. */
@PortalTest
class BackupFaultsTest {

    private static SampleStack unhealthy;

    @Autowired
    BackupService backups;

    @Autowired
    BackupRunner runner;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @TempDir
    Path target;

    private String operator;

    @BeforeAll
    static void startAStackWhoseBackendFailsStatus() throws Exception {
        unhealthy = new SampleStack("90.0.1", "90.0.1");
        Files.writeString(unhealthy.storage.resolve("report.csv"), "a,b\n1,2\n");
    }

    @AfterAll
    static void removeIt() {
        unhealthy.close();
    }

    @BeforeEach
    void configure() {
        TestUsers.asAdmin(() -> stack.saveSettings(unhealthy.settings()));
        operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
    }

    private void plan(String name, Contents contents) {
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, new BackupPlanSettings(name, "0 0 3 * * ?",
                target.toString(), contents, false, 1, new RetentionPolicy(5, 0, 0, 0, 0, 0), null, true)));
    }

    @Test
    void a_restore_whose_backend_fails_status_stops_at_step_7_with_the_previous_folder_kept() throws Exception {
        String name = TestUsers.unique("unhealthy").toLowerCase();
        plan(name, Contents.BOTH);
        BackupRunRecord run = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.backUpAndWait(name, BackupReason.MANUAL));
        List<RestoreStep> steps = new CopyOnWriteArrayList<>();
        String stackName = TestUsers.asAdmin(() -> stack.stackName()).orElseThrow();

        RestoreOutcome outcome = TestUsers.asAdmin(() -> backups.restore(run.id(), stackName, steps::add));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failedStep()).isEqualTo(7);
        assertThat(outcome.message()).contains("/status answered 503").contains(outcome.safetySetId()).contains(outcome.keptStorageFolder());
        assertThat(Path.of(outcome.keptStorageFolder()).resolve("report.csv")).hasContent("a,b\n1,2\n");
        assertThat(unhealthy.storage.resolve("report.csv")).hasContent("a,b\n1,2\n");
        assertThat(steps).filteredOn(s -> s.state() == RestoreStep.State.FAILED).extracting(RestoreStep::number).containsExactly(7);
        assertThat(TestUsers.asAdmin(() -> stack.runningWork())).isEmpty();
    }

    @Test
    void mongodb_stopped_mid_dump_fails_the_run_clearly_and_leaves_older_sets_untouched() throws Exception {
        String name = TestUsers.unique("mongogone").toLowerCase();
        plan(name, Contents.MONGO);
        BackupRunRecord older = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.backUpAndWait(name, BackupReason.MANUAL));
        try (MongoStandIn doomed = MongoStandIn.inMemory("4.4.29", "4.4");
                MongoClient client = MongoClients.create(doomed.uri())) {
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 60_000; i++) {
                many.add(new Document("_id", i).append("payload", "x".repeat(200)));
            }
            client.getDatabase("big").getCollection("events").insertMany(many);
            StackSettingsChange settings = unhealthy.settings();
            TestUsers.asAdmin(() -> stack.saveSettings(settings.withDatabases(new StackSettingsChange.Databases(doomed.uri(), null))));
            Runnable unsubscribe = TestUsers.asAdmin(() -> backups.subscribe(progress -> {
                if (progress.documentsDone() > 0 && !progress.finished()) {
                    doomed.close();
                }
            }));
            BackupRunRecord failed;
            try {
                failed = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.backUpAndWait(name, BackupReason.MANUAL));
            } finally {
                unsubscribe.run();
            }
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).containsIgnoringCase("mongo");
        }
        assertThat(target).isDirectoryNotContaining("glob:**/.partial-*");
        assertThat(TestUsers.asAdmin(() -> backups.verify(older.id())).verified()).isTrue();
    }

    @Test
    void runs_interrupted_by_a_stop_are_failed_at_the_next_start_and_their_partial_folders_removed() throws Exception {
        Path partial = Files.createDirectories(target.resolve(BackupSetWriter.PARTIAL_PREFIX + "gone-20260101T000000Z/mongo"));
        Files.writeString(partial.resolve("half.bson.gz"), "half");
        jdbc.update("INSERT INTO backup_run (id, plan_name, run_trigger, actor, status, started_at, pinned, imported) "
                + "VALUES ('gone-20260101T000000Z', 'gone', 'SCHEDULE', 'system', 'RUNNING', ?, FALSE, FALSE)", java.sql.Timestamp.from(Instant.now()));

        List<String> failed = runner.recoverInterrupted(List.of(target));

        assertThat(failed).contains("gone-20260101T000000Z");
        assertThat(target.resolve(BackupSetWriter.PARTIAL_PREFIX + "gone-20260101T000000Z")).doesNotExist();
        BackupRunRecord run = TestUsers.asAdmin(() -> backups.run("gone-20260101T000000Z")).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).startsWith("Interrupted");
    }

    @Test
    void the_api_starts_a_backup_with_202_and_reads_it_back_while_a_viewer_gets_403() {
        String name = TestUsers.unique("api").toLowerCase();
        plan(name, Contents.MONGO);
        ApiClient api = new ApiClient(port);
        String token = api.tokenFor(operator, TestUsers.PASSWORD);

        ApiClient.Response started = api.send("POST", "/api/v1/backups", ApiClient.bearer(token), "{\"plan\":\"" + name + "\"}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("status").asText()).isEqualTo("RUNNING");
        String id = started.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(
                api.send("GET", "/api/v1/backups/" + id, ApiClient.bearer(token), null).body().get("status").asText()));
        ApiClient.Response read = api.send("GET", "/api/v1/backups/" + id, ApiClient.bearer(token), null);
        assertThat(read.body().get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(read.body().get("location").asText()).isEqualTo(target.resolve(id).toString());
        assertThat(read.body().get("collections").isArray()).isTrue();
        assertThat(api.send("GET", "/api/v1/backups?plan=" + name + "&status=SUCCEEDED", ApiClient.bearer(token), null).body()
                .get("total").asLong()).isEqualTo(1);
        assertThat(api.send("POST", "/api/v1/backups/" + id + "/verify", ApiClient.bearer(token), null).body().get("verifiedAt")).isNotNull();
        assertThat(api.send("POST", "/api/v1/backups/" + id + "/drill", ApiClient.bearer(token), null).body().get("drillOk").asBoolean()).isTrue();
        assertThat(api.send("POST", "/api/v1/backups", ApiClient.bearer(token), "{\"plan\":\"no-such-plan\"}").status()).isEqualTo(404);

        String viewer = TestUsers.create(accounts, "manager", Role.VIEWER);
        String viewerToken = api.tokenFor(viewer, TestUsers.PASSWORD);
        assertThat(api.send("POST", "/api/v1/backups", ApiClient.bearer(viewerToken), "{\"plan\":\"" + name + "\"}").status()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/backups/" + id, ApiClient.bearer(viewerToken), null).status()).isEqualTo(200);
    }

    @Test
    void configuring_a_stack_without_plans_creates_the_default_nightly_plan() {
        TestUsers.asAdmin(() -> backups.plans()).forEach(plan -> TestUsers.asAdmin(() -> {
            backups.deletePlan(plan.name());
            return null;
        }));
        TestUsers.asAdmin(() -> stack.saveSettings(unhealthy.settings()));
        SavedBackupPlan nightly = TestUsers.asAdmin(() -> backups.plan("nightly")).orElseThrow();
        assertThat(nightly.settings().cron()).isEqualTo("0 0 2 * * ?");
        assertThat(nightly.settings().contents()).isEqualTo(Contents.BOTH);
        assertThat(nightly.settings().retention()).isEqualTo(new RetentionPolicy(0, 0, 7, 4, 6, 0));
        assertThat(nightly.settings().target()).endsWith("backups");
        assertThat(nightly.scheduleInWords()).isEqualTo("every day at 02:00 UTC");
        assertThat(nightly.nextRuns()).hasSize(5);
    }
}
