package io.stackkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stackkeeper.ApiClient;
import io.stackkeeper.ForkedPortal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real portal process: its port opens only when the admin can sign in; another secret stops it with one line. */
class PortalStartTest {

    @TempDir
    Path work;

    @Test
    void the_first_answer_on_the_port_already_signs_the_admin_in_and_readiness_says_up() throws Exception {
        try (ForkedPortal portal = new ForkedPortal(work.resolve("portal-data"))) {
            portal.launch();
            ApiClient api = portal.api();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            Integer firstStatus = null;
            while (firstStatus == null && System.nanoTime() < deadline) {
                assertThat(portal.process().isAlive()).as("see " + portal.log()).isTrue();
                try {
                    firstStatus = api.send("GET", "/actuator/health/liveness", null, null).status();
                } catch (RuntimeException notListeningYet) {
                    Thread.sleep(20);
                }
            }
            assertThat(firstStatus).as("the port opened").isNotNull();
            assertThat(api.tokenFor("admin", ForkedPortal.ADMIN_PASSWORD)).as("sign-in works from the first answer on").isNotBlank();
            await().atMost(Duration.ofSeconds(60)).until(() -> api.send("GET", "/actuator/health/readiness", null, null).status() == 200);
            assertThat(api.send("GET", "/actuator/health/readiness", null, null).body().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void a_portal_started_with_another_encryption_secret_stops_with_one_clear_line() throws Exception {
        Path data = work.resolve("sealed-data");
        try (ForkedPortal first = new ForkedPortal(data, "-Dstackkeeper.encryption-secret=the-first-secret-of-32-characters-x")) {
            first.start();
        }
        try (ForkedPortal second = new ForkedPortal(data, "-Dstackkeeper.encryption-secret=another-secret-of-32-characters-yyy")) {
            second.launch();
            assertThat(second.process().waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(second.process().exitValue()).isNotZero();
            assertThat(Files.readString(second.log()))
                    .contains("STACKKEEPER_ENCRYPTION_SECRET is not the secret this data folder's secrets were sealed with");
        }
    }
}
