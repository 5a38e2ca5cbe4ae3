package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Retention deletes only what a plan wrote into its own folder, and nothing turns a plan into a delete button. */
@PortalTest
class RetentionGuardTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");
    private static MongoClient mongo;

    @Autowired
    BackupService backups;

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
    private String admin;

    @BeforeAll
    static void fill() {
        mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD));
        mongo.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "ada"));
    }

    @AfterAll
    static void close() {
        mongo.close();
    }

    @BeforeEach
    void configure() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
        admin = TestUsers.create(accounts, "keeper", Role.ADMIN);
    }

    private BackupPlanSettings plan(String name, Path into, int keepLast) {
        return new BackupPlanSettings(name, "0 0 3 * * ?", into.toString(), Contents.MONGO, false, 1,
                new RetentionPolicy(keepLast, 0, 0, 0, 0, 0), null, true);
    }

    private BackupRunRecord backUp(String plan) {
        BackupRunRecord run = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.backUpAndWait(plan, BackupReason.MANUAL));
        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    @Test
    void retention_never_deletes_an_imported_set_or_one_whose_folder_is_no_longer_in_the_plans_target() throws Exception {
        String name = TestUsers.unique("own").toLowerCase();
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, plan(name, target, 1)));
        BackupRunRecord imported = backUp(name);
        jdbc.update("DELETE FROM backup_run WHERE id = ?", imported.id());
        assertThat(TestUsers.asAdmin(() -> backups.importSet(imported.location())).imported()).isTrue();
        BackupRunRecord moved = backUp(name);
        Path elsewhere = Files.createDirectories(target.resolveSibling(target.getFileName() + "-moved")).resolve(moved.id());
        Files.move(Path.of(moved.location()), elsewhere);
        jdbc.update("UPDATE backup_run SET location = ? WHERE id = ?", elsewhere.toString(), moved.id());

        BackupRunRecord newest = backUp(name);
        backUp(name);

        assertThat(Path.of(imported.location())).as("imported").isDirectory();
        assertThat(elsewhere).as("outside the target").isDirectory();
        assertThat(TestUsers.asAdmin(() -> backups.run(newest.id())).orElseThrow().removedAt()).as("the plan's own older set").isNotNull();
    }

    @Test
    void an_imported_set_goes_only_by_an_admins_explicit_delete_with_its_id_typed() throws Exception {
        String name = TestUsers.unique("explicit").toLowerCase();
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, plan(name, target, 5)));
        BackupRunRecord set = backUp(name);

        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.deleteSet(set.id(), set.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(admin, List.of(Role.ADMIN), () -> backups.deleteSet(set.id(), "nightly")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Type the set's id");
        ApiClient api = new ApiClient(port);
        String token = ApiClient.bearer(api.tokenFor(admin, TestUsers.PASSWORD));
        ApiClient.Response deleted = api.send("DELETE", "/api/v1/backups/" + set.id(), token, "{\"confirm\":\"" + set.id() + "\"}");

        assertThat(deleted.status()).as(String.valueOf(deleted.body())).isEqualTo(200);
        assertThat(deleted.body().get("removedAt").isNull()).isFalse();
        assertThat(Path.of(set.location())).doesNotExist();
    }

    @Test
    void lowering_retention_so_that_sets_would_go_is_an_admins_change_confirmed_after_seeing_the_sets() throws Exception {
        String name = TestUsers.unique("lower").toLowerCase();
        SavedBackupPlan saved = TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, plan(name, target, 5)));
        BackupRunRecord oldest = backUp(name);
        backUp(name);
        backUp(name);

        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(saved.id(), plan(name, target, 1))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only an admin");
        assertThatThrownBy(() -> TestUsers.as(admin, List.of(Role.ADMIN), () -> backups.savePlan(saved.id(), plan(name, target, 1))))
                .isInstanceOf(DeletionNotConfirmedException.class).hasMessageContaining(oldest.id())
                .satisfies(e -> assertThat(((DeletionNotConfirmedException) e).sets()).hasSize(2));
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(saved.id(), plan(name, target, 6)));

        ApiClient api = new ApiClient(port);
        String token = ApiClient.bearer(api.tokenFor(admin, TestUsers.PASSWORD));
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> lower = Map.of("cron", "0 0 3 * * ?", "target", target.toString(), "contents", "MONGO",
                "retention", Map.of("keepLast", 1));
        ApiClient.Response refused = api.send("PUT", "/api/v1/backup-plans/" + name, token, json.writeValueAsString(lower));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains(oldest.id());
        Map<String, Object> confirmed = new java.util.HashMap<>(lower);
        confirmed.put("confirmDeletion", true);
        assertThat(api.send("PUT", "/api/v1/backup-plans/" + name, token, json.writeValueAsString(confirmed)).status()).isEqualTo(200);
    }

    @Test
    void a_target_outside_the_allowed_roots_or_reached_through_a_link_out_of_them_is_refused() throws Exception {
        Path outside = Path.of("/var/lib/stackkeeper-not-allowed-" + System.nanoTime());
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, plan("outside", outside, 3))))
                .isInstanceOf(FieldsRefusedException.class)
                .satisfies(e -> assertThat(((FieldsRefusedException) e).fieldErrors().get("target")).contains("must be under"));
        Path link = Files.createSymbolicLink(target.resolve("escape"), Path.of("/var/lib"));
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR),
                () -> backups.savePlan(null, plan("through-link", link.resolve("sets"), 3))))
                .isInstanceOf(FieldsRefusedException.class);
    }

    @Test
    void an_admin_allows_another_target_folder_and_plans_may_then_write_there() throws Exception {
        Path extra = Path.of("/var/lib/stackkeeper-allowed-" + System.nanoTime());
        ApiClient api = new ApiClient(port);
        String operatorToken = ApiClient.bearer(api.tokenFor(operator, TestUsers.PASSWORD));
        String adminToken = ApiClient.bearer(api.tokenFor(admin, TestUsers.PASSWORD));
        String body = "{\"added\": [\"" + extra + "\"]}";
        assertThat(api.send("PUT", "/api/v1/backup-targets", operatorToken, body).status()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/backup-targets", adminToken, "{\"added\": [\"relative/x\"]}").status()).isEqualTo(400);
        try {
            ApiClient.Response allowed = api.send("PUT", "/api/v1/backup-targets", adminToken, body);
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.body().get("added").get(0).asText()).isEqualTo(extra.toString());
            assertThat(TestUsers.as(operator, List.of(Role.OPERATOR), () -> backups.savePlan(null, plan("extra-" + System.nanoTime() % 1000,
                    extra.resolve("sets"), 3))).settings().target()).startsWith(extra.toString());
        } finally {
            TestUsers.as(admin, List.of(Role.ADMIN), () -> backups.allowTargetFolders(List.of()));
        }
    }
}
