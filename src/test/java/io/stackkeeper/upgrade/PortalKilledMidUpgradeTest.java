package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackkeeper.ApiClient;
import io.stackkeeper.ForkedPortal;
import io.stackkeeper.stack.SampleStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real portal process killed (SIGKILL) while its upgrade recreates the backend: after a restart the request is not
 * left RUNNING but FAILED, naming the step it was in and the pre-upgrade backup, and another upgrade may start.
 */
class PortalKilledMidUpgradeTest {

    private static final String PASSWORD = "Second-admin-password-1!";

    @TempDir
    Path work;

    @Test
    void an_upgrade_interrupted_by_a_killed_portal_is_marked_failed_with_its_step_and_backup_at_the_next_start() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, Map.of("SAMPLE_MIGRATION_SECONDS", "20"))) {
            Path data = work.resolve("portal-data");
            long id;
            try (ForkedPortal portal = new ForkedPortal(data)) {
                String admin = portal.start();
                ApiClient api = portal.api();
                assertThat(portal.saveStackSettings(admin, sample.settingsBody()).status()).isEqualTo(200);
                assertThat(api.send("POST", "/api/v1/users", ApiClient.bearer(admin),
                        "{\"username\": \"approver\", \"password\": \"" + PASSWORD + "\", \"roles\": [\"ADMIN\"]}").status()).isEqualTo(201);
                // the admin created the other account, so only the other account may request and the admin approve
                String requester = api.tokenFor("approver", PASSWORD);
                String approver = admin;
                ApiClient.Response created = api.send("POST", "/api/v1/upgrades", ApiClient.bearer(requester),
                        "{\"backend\": \"90.0.0\", \"frontend\": \"90.0.0\", \"reason\": \"kill test\", \"acknowledgements\": [\"bc-90.0.0-x-json-flavor\"]}");
                assertThat(created.status()).isEqualTo(201);
                id = created.body().get("id").asLong();
                assertThat(api.send("POST", "/api/v1/upgrades/" + id + "/approve", ApiClient.bearer(approver), "{}").status()).isEqualTo(200);
                assertThat(api.send("POST", "/api/v1/upgrades/" + id + "/start", ApiClient.bearer(admin), null).status()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> runningStep(api, admin, id).startsWith("Backend to 90.0.0"));
                portal.kill();
            }

            try (ForkedPortal restarted = new ForkedPortal(data)) {
                String admin = restarted.start();
                JsonNode request = restarted.api().send("GET", "/api/v1/upgrades/" + id, ApiClient.bearer(admin), null).body();
                assertThat(request.get("status").asText()).as("marked before the portal takes requests").isEqualTo("FAILED");
                assertThat(request.get("failedStep").asText()).startsWith("Backend to 90.0.0");
                assertThat(request.get("outcome").asText()).contains("Interrupted", request.get("backupId").asText());
                assertThat(request.get("steps")).anySatisfy(step -> assertThat(step.get("state").asText()).isEqualTo("FAILED"))
                        .noneSatisfy(step -> assertThat(step.get("state").asText()).isIn("RUNNING", "PENDING"));
            }
        }
    }

    private static String runningStep(ApiClient api, String token, long id) {
        for (JsonNode step : api.send("GET", "/api/v1/upgrades/" + id, ApiClient.bearer(token), null).body().get("steps")) {
            if (step.get("state").asText().equals("RUNNING")) {
                return step.get("title").asText();
            }
        }
        return "";
    }
}
