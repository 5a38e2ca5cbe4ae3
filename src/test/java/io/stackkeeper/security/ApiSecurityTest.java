package io.stackkeeper.security;

import static io.stackkeeper.ApiClient.basic;
import static io.stackkeeper.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class ApiSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void a_request_without_a_token_gets_401_as_problem_details() {
        ApiClient.Response response = api.send("GET", "/api/v1/users", null, null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void http_basic_creates_a_token_that_is_shown_once_and_works_as_bearer() {
        String viewer = TestUsers.create(accounts, "basic", Role.VIEWER);
        ApiClient.Response created = api.send("POST", "/api/v1/tokens", basic(viewer, TestUsers.PASSWORD), "{\"name\":\"report\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("id").asLong()).isPositive();
        String token = created.body().get("token").asText();
        Instant expires = Instant.parse(created.body().get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plusSeconds(89L * 86400), Instant.now().plusSeconds(91L * 86400));
        assertThat(api.send("GET", "/api/v1/audit", bearer(token), null).status()).isEqualTo(200);
        ApiClient.Response listed = api.send("GET", "/api/v1/tokens", bearer(token), null);
        assertThat(listed.body().toString()).contains("report").doesNotContain(token);
    }

    @Test
    void a_token_cannot_mint_another_token() {
        String viewer = TestUsers.create(accounts, "mint", Role.VIEWER);
        String token = api.tokenFor(viewer, TestUsers.PASSWORD);
        assertThat(api.send("POST", "/api/v1/tokens", bearer(token), "{\"name\":\"forever\",\"expiresInDays\":3650}").status())
                .isEqualTo(401);
    }

    @Test
    void basic_auth_is_not_accepted_anywhere_but_token_creation() {
        String admin = TestUsers.create(accounts, "basicadm", Role.ADMIN);
        assertThat(api.send("GET", "/api/v1/users", basic(admin, TestUsers.PASSWORD), null).status()).isEqualTo(401);
    }

    @Test
    void a_token_of_the_wrong_role_gets_403() {
        String operator = TestUsers.create(accounts, "op", Role.OPERATOR);
        String token = api.tokenFor(operator, TestUsers.PASSWORD);
        ApiClient.Response response = api.send("POST", "/api/v1/users", bearer(token),
                "{\"username\":\"x-user\",\"password\":\"long-enough-password\",\"roles\":[\"ADMIN\"]}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.send("GET", "/api/v1/audit", bearer(token), null).status()).isEqualTo(403);
    }

    @Test
    void an_expired_token_gets_401() {
        String viewer = TestUsers.create(accounts, "exp", Role.VIEWER);
        String token = api.tokenFor(viewer, TestUsers.PASSWORD);
        jdbc.update("update api_token set expires_at = ? where token_hash = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                TokenCodec.hash(token));
        ApiClient.Response response = api.send("GET", "/api/v1/audit", bearer(token), null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().get("detail").asText()).contains("expired");
    }

    @Test
    void a_revoked_token_gets_401() {
        String viewer = TestUsers.create(accounts, "rev", Role.VIEWER);
        ApiClient.Response created = api.send("POST", "/api/v1/tokens", basic(viewer, TestUsers.PASSWORD), "{\"name\":\"gone\"}");
        String token = created.body().get("token").asText();
        long id = created.body().get("id").asLong();
        assertThat(api.send("DELETE", "/api/v1/tokens/" + id, bearer(token), null).status()).isEqualTo(204);
        assertThat(api.send("GET", "/api/v1/audit", bearer(token), null).status()).isEqualTo(401);
    }

    @Test
    void an_unknown_token_gets_401() {
        assertThat(api.send("GET", "/api/v1/audit", bearer("skt_not-a-real-token"), null).status()).isEqualTo(401);
    }

    @Test
    void an_admin_provisions_a_user_by_script_under_the_same_rules_as_the_ui() {
        String admin = TestUsers.create(accounts, "prov", Role.ADMIN);
        String token = api.tokenFor(admin, TestUsers.PASSWORD);
        String name = TestUsers.unique("scripted");
        ApiClient.Response created = api.send("POST", "/api/v1/users", bearer(token),
                "{\"username\":\"" + name + "\",\"password\":\"long-enough-password\",\"roles\":[\"OPERATOR\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("roles").toString()).contains("OPERATOR");
        assertThat(created.body().has("password")).isFalse();

        ApiClient.Response weak = api.send("POST", "/api/v1/users", bearer(token),
                "{\"username\":\"weak-one\",\"password\":\"short\",\"roles\":[]}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().get("detail").asText()).contains("at least 12 characters");

        ApiClient.Response patched = api.send("PATCH", "/api/v1/users/" + name, bearer(token), "{\"roles\":[\"VIEWER\"],\"enabled\":false}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("enabled").asBoolean()).isFalse();
        assertThat(api.send("PATCH", "/api/v1/users/nobody-at-all", bearer(token), "{\"enabled\":true}").status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/users", bearer(token), null).body().toString()).contains(name);
    }

    @Test
    void health_is_public_without_details_and_prometheus_needs_a_token() {
        ApiClient.Response health = api.send("GET", "/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().has("components")).isFalse();
        assertThat(health.body().has("details")).isFalse();
        assertThat(api.send("GET", "/actuator/health/readiness", null, null).body().toString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(api.send("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
        String viewer = TestUsers.create(accounts, "prom", Role.VIEWER);
        assertThat(api.send("GET", "/actuator/prometheus", bearer(api.tokenFor(viewer, TestUsers.PASSWORD)), null).status()).isEqualTo(200);
    }
}
