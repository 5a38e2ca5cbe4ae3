package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Plans provisioned by script through {@code /api/v1/backup-plans}, with the page's rules. */
@PortalTest
class BackupPlansApiTest {

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @TempDir
    Path target;

    @Test
    void an_operator_creates_changes_and_deletes_a_plan_and_a_viewer_only_reads() {
        ApiClient api = new ApiClient(port);
        String operator = ApiClient.bearer(api.tokenFor(TestUsers.create(accounts, "scripter", Role.OPERATOR), TestUsers.PASSWORD));
        String viewer = ApiClient.bearer(api.tokenFor(TestUsers.create(accounts, "reader", Role.VIEWER), TestUsers.PASSWORD));
        String minimal = "{\"cron\": \"0 0 3 * * ?\", \"target\": \"" + target + "\", \"contents\": \"MONGO\", \"retention\": {\"keepDaily\": 3}}";

        assertThat(api.send("PUT", "/api/v1/backup-plans/scripted", viewer, minimal).status()).isEqualTo(403);
        ApiClient.Response created = api.send("PUT", "/api/v1/backup-plans/scripted", operator, minimal);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("settings").get("enabled").asBoolean()).as("enabled unless said otherwise").isTrue();
        assertThat(created.body().get("scheduleInWords").asText()).isEqualTo("every day at 03:00 UTC");

        String past = "{\"cron\": \"0 0 3 1 1 ? 2020\", \"target\": \"" + target + "\", \"contents\": \"MONGO\", \"retention\": {\"keepDaily\": 3}";
        ApiClient.Response refused = api.send("PUT", "/api/v1/backup-plans/scripted", operator, past + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("fieldErrors").get("cron").asText()).isEqualTo("This schedule never fires again.");
        assertThat(api.send("PUT", "/api/v1/backup-plans/scripted", operator, past + ", \"enabled\": false}").status())
                .as("a disabled plan may keep a schedule of the past").isEqualTo(200);

        assertThat(api.send("GET", "/api/v1/backup-plans/scripted", viewer, null).body().get("settings").get("enabled").asBoolean()).isFalse();
        assertThat(api.send("DELETE", "/api/v1/backup-plans/scripted", viewer, null).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/backup-plans/scripted", operator, null).status()).isEqualTo(204);
        assertThat(api.send("GET", "/api/v1/backup-plans/scripted", viewer, null).status()).isEqualTo(404);
    }
}
