package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An over-long text is refused next to its field, never reaching the database (whose error would quote the SQL). */
@PortalTest
class TextLimitsApiTest {

    private static final String LONG = "x".repeat(10_000);

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void ten_thousand_characters_in_a_plan_the_stack_settings_or_an_upgrade_reason_answer_400_with_field_errors() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = ApiClient.bearer(api.tokenFor(TestUsers.create(accounts, "limits", Role.ADMIN, Role.OPERATOR), TestUsers.PASSWORD));
        ObjectMapper json = new ObjectMapper();

        ApiClient.Response plan = api.send("PUT", "/api/v1/backup-plans/long-target", admin, json.writeValueAsString(Map.of(
                "cron", "0 0 3 * * ?", "target", "/tmp/" + LONG, "contents", "MONGO")));
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.body().get("fieldErrors").get("target").asText()).contains("At most 1000 characters");
        assertThat(plan.body().toString()).doesNotContain("backup_plan").doesNotContain("insert");

        ApiClient.Response settings = api.send("PUT", "/api/v1/stack/settings", admin, json.writeValueAsString(Map.of(
                "engineEndpoint", "unix:///var/run/docker.sock", "lookupMode", "NAME", "backendContainer", "b", "frontendContainer", "f",
                "backendUrl", "http://" + LONG)));
        assertThat(settings.status()).isEqualTo(400);
        assertThat(settings.body().get("fieldErrors").get("backendUrl").asText()).contains("At most 500 characters");

        ApiClient.Response upgrade = api.send("POST", "/api/v1/upgrades", admin, json.writeValueAsString(Map.of(
                "backend", "90.0.0", "frontend", "90.0.0", "reason", LONG)));
        assertThat(upgrade.status()).isEqualTo(400);
        assertThat(upgrade.body().get("fieldErrors").get("reason").asText()).contains("At most 2000 characters");
    }
}
