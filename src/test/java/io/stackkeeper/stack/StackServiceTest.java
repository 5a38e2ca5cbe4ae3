package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@PortalTest
class StackServiceTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "latest-monthly");

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private SavedStackSettings saveSample() {
        return TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
    }

    @Test
    void a_viewer_can_neither_read_nor_change_the_settings() {
        List<Role> viewer = List.of(Role.VIEWER);
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, stack::settings)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> stack.saveSettings(sample.settings())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("manager", viewer, () -> stack.testMongo(null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void invalid_settings_are_refused_field_by_field() {
        StackSettingsChange bad = new StackSettingsChange(new StackSettingsChange.Engine("docker.sock", "relative/certs"),
                StackSettingsChange.Containers.named("", "fine"), new StackSettingsChange.Databases("mongo://nope", "http://redis"),
                new StackSettingsChange.Urls("ftp://x", null, null), "relative/storage",
                new StackSettingsChange.Registry(null, null, null, "Not A Repo!", null));
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> stack.saveSettings(bad)))
                .isInstanceOfSatisfying(SettingsRefusedException.class, e -> assertThat(e.fieldErrors()).containsKeys(
                        "engineEndpoint", "engineTlsPath", "backendContainer", "mongoUri", "redisUri", "backendUrl",
                        "storageHostPath", "backendRepository"));
    }

    @Test
    void an_unknown_container_is_refused_when_the_engine_is_reachable() {
        StackSettingsChange s = sample.settings();
        StackSettingsChange unknown = new StackSettingsChange(s.engine(),
                StackSettingsChange.Containers.named("no-such-backend", s.containers().frontendContainer()), null, null, null, null);
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> stack.saveSettings(unknown)))
                .isInstanceOfSatisfying(SettingsRefusedException.class, e ->
                        assertThat(e.fieldErrors()).containsEntry("backendContainer", "The engine has no container named 'no-such-backend'."));
    }

    @Test
    void secrets_are_sealed_at_rest_shown_only_as_set_and_audited_without_their_values() {
        SavedStackSettings saved = saveSample();
        assertThat(saved.mongoUriSet()).isTrue();
        assertThat(saved.statusUserAgentSet()).isTrue();
        assertThat(saved.redisUriSet()).isFalse();
        String stored = jdbc.queryForObject("select mongo_uri_sealed from stack_settings", String.class);
        assertThat(stored).startsWith("v2:").doesNotContain(SampleStack.MONGO_PASSWORD);
        assertThat(saved.toString()).doesNotContain(SampleStack.MONGO_PASSWORD);
        var entries = TestUsers.asAdmin(() -> auditLog.search(new AuditQuery(null, "stack.settings-changed", null, null, null), 0, 5).items());
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).details()).contains("mongoUri (secret)").doesNotContain(SampleStack.MONGO_PASSWORD);
    }

    @Test
    void the_overview_reads_every_part_and_flags_compatibility_and_floating_tags() {
        saveSample();
        StackOverview overview = TestUsers.as("manager", List.of(Role.VIEWER), stack::overview);
        assertThat(overview.configured()).isTrue();
        assertThat(overview.engine().ok()).isTrue();
        assertThat(overview.backend().facts().version()).isEqualTo("89.0.0");
        assertThat(overview.frontend().facts().floatingTag()).isTrue();
        assertThat(overview.floatingTags()).isTrue();
        assertThat(overview.compatible()).as("unknown: the frontend's tag is not a version").isNull();
        assertThat(overview.mongo().facts().version()).isEqualTo("4.4.29");
        assertThat(overview.mongo().facts().featureCompatibilityVersion()).isEqualTo("4.4");
        assertThat(overview.redis().ok()).isFalse();
        assertThat(overview.redis().error()).contains("No Redis URI");
        assertThat(overview.storageHostPath()).isEqualTo(sample.storage.toString());
    }

    @Test
    void test_connection_reports_versions_and_the_exact_failure() {
        saveSample();
        ConnectionCheck engine = TestUsers.asAdmin(() -> stack.testEngine(LocalEngine.DOCKER_HOST, null)).join();
        assertThat(engine.ok()).isTrue();
        assertThat(engine.message()).contains("Reachable").contains("API");
        ConnectionCheck mongo = TestUsers.asAdmin(() -> stack.testMongo(null)).join();
        assertThat(mongo.message()).contains("MongoDB 4.4.29").contains("authentication ok");
        ConnectionCheck wrong = TestUsers.asAdmin(() -> stack.testMongo(sample.mongoUri("wrong-password"))).join();
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.message()).contains("refused the credentials").contains("'toucan'");
        assertThat(wrong.millis()).isLessThan(5_000);
        ConnectionCheck backend = TestUsers.asAdmin(() -> stack.testBackend(sample.settings().urls().backendUrl(), null)).join();
        assertThat(backend.message()).contains("/status answered 200");
        ConnectionCheck wrongAgent = TestUsers.asAdmin(() -> stack.testBackend(sample.settings().urls().backendUrl(), "curl/8")).join();
        assertThat(wrongAgent.message()).contains("refused the User-Agent (403)");
        ConnectionCheck frontend = TestUsers.asAdmin(() -> stack.testFrontend(sample.settings().urls().frontendUrl())).join();
        assertThat(frontend.message()).contains("frontend version 89.0.0");
        ConnectionCheck registry = TestUsers.asAdmin(() -> stack.testRegistry("http://" + LocalEngine.REGISTRY, null, null,
                "stackkeeper/sample-backend")).join();
        assertThat(registry.message()).contains("8 tags");
        ConnectionCheck deadEngine = TestUsers.asAdmin(() -> stack.testEngine("unix:///tmp/nothing-here.sock", null)).join();
        assertThat(deadEngine.ok()).isFalse();
        assertThat(deadEngine.message()).contains("not reachable");
    }

    @Test
    void an_admin_token_saves_the_settings_by_api_and_refused_fields_come_back_one_by_one() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = TestUsers.create(accounts, "provisioner", Role.ADMIN);
        String viewer = TestUsers.create(accounts, "lookonly", Role.VIEWER);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(sample.settingsBody());

        ApiClient.Response saved = api.send("PUT", "/api/v1/stack/settings", ApiClient.bearer(api.tokenFor(admin, TestUsers.PASSWORD)), json);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("mongoUriSet").asBoolean()).isTrue();
        assertThat(saved.body().toString()).doesNotContain(SampleStack.MONGO_PASSWORD);

        ApiClient.Response refused = api.send("PUT", "/api/v1/stack/settings", ApiClient.bearer(api.tokenFor(admin, TestUsers.PASSWORD)),
                json.replace("\"storageHostPath\":null", "\"storageHostPath\":\"relative/path\""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("fieldErrors").path("storageHostPath").asText()).contains("absolute");

        assertThat(api.send("PUT", "/api/v1/stack/settings", ApiClient.bearer(api.tokenFor(viewer, TestUsers.PASSWORD)), json).status())
                .isEqualTo(403);
    }

    @Test
    void the_api_returns_the_same_facts_to_a_viewer_token() {
        saveSample();
        String viewer = TestUsers.create(accounts, "stackviewer", Role.VIEWER);
        ApiClient api = new ApiClient(port);
        ApiClient.Response response = api.send("GET", "/api/v1/stack", ApiClient.bearer(api.tokenFor(viewer, TestUsers.PASSWORD)), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("backend").path("facts").path("version").asText()).isEqualTo("89.0.0");
        assertThat(response.body().path("floatingTags").asBoolean()).isTrue();
        assertThat(response.body().toString()).doesNotContain(SampleStack.MONGO_PASSWORD).doesNotContain("sample-secret");
    }
}
