package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class RetentionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void the_preview_answers_what_stays_with_reasons_and_what_goes_without_touching_anything() {
        ApiClient api = new ApiClient(port);
        String token = api.tokenFor(TestUsers.create(accounts, "planner", Role.VIEWER), TestUsers.PASSWORD);
        ApiClient.Response response = api.send("POST", "/api/v1/retention/preview", ApiClient.bearer(token),
                "{\"policy\": {\"keepLast\": 1, \"keepDaily\": 2}, \"backups\": [\"2026-01-01T03:00:00Z\", "
                        + "\"2026-01-02T03:00:00Z\", \"2026-01-02T01:00:00Z\", \"2026-01-03T03:00:00Z\"]}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("keep").get(0).path("time").asText()).isEqualTo("2026-01-03T03:00:00Z");
        assertThat(response.body().path("keep").get(0).path("reasons").toString()).isEqualTo("[\"last\",\"daily\"]");
        assertThat(response.body().path("keep").get(1).path("time").asText()).isEqualTo("2026-01-02T03:00:00Z");
        assertThat(response.body().path("remove")).hasSize(2);
        assertThat(response.body().path("remove").get(0).path("time").asText()).isEqualTo("2026-01-02T01:00:00Z");
    }

    @Test
    void an_empty_policy_is_refused_with_the_reason() {
        ApiClient api = new ApiClient(port);
        String token = api.tokenFor(TestUsers.create(accounts, "planner", Role.OPERATOR), TestUsers.PASSWORD);
        ApiClient.Response response = api.send("POST", "/api/v1/retention/preview", ApiClient.bearer(token),
                "{\"policy\": {}, \"backups\": [\"2026-01-01T03:00:00Z\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asText()).contains("at least one keep rule");
        assertThat(api.send("POST", "/api/v1/retention/preview", null, "{}").status()).isEqualTo(401);
    }
}
