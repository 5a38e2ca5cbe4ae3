package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackkeeper.ApiClient;
import io.stackkeeper.ForkedPortal;
import io.stackkeeper.stack.SampleStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quartz itself, in a real portal process with its JDBC store: a plan fires on its schedule, and a run that fell due
 * while the portal was down fires once when it starts again.
 */
class ScheduledBackupsTest {

    @TempDir
    Path work;

    @Test
    void a_plan_fires_on_its_schedule_and_a_run_missed_while_the_portal_was_down_fires_once_at_start() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            Path data = work.resolve("portal-data");
            String target = data.resolve("backups").resolve("often").toString();
            Instant due;
            try (ForkedPortal portal = new ForkedPortal(data)) {
                String token = portal.start();
                ApiClient api = portal.api();
                assertThat(portal.saveStackSettings(token, sample.settingsBody()).status()).isEqualTo(200);
                assertThat(api.send("PUT", "/api/v1/backup-plans/often", ApiClient.bearer(token), plan("0/2 * * * * ?", target)).status())
                        .isEqualTo(201);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> runs(api, token).stream().anyMatch(run -> run.get("status").asText().equals("SUCCEEDED")));
                assertThat(runs(api, token)).allSatisfy(run -> assertThat(run.get("trigger").asText()).isEqualTo("SCHEDULE"));

                ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20).withNano(0);
                due = at.toInstant();
                String once = String.format(Locale.ROOT, "%d %d %d %d %d ? %d", at.getSecond(), at.getMinute(), at.getHour(), at.getDayOfMonth(),
                        at.getMonthValue(), at.getYear());
                assertThat(api.send("PUT", "/api/v1/backup-plans/often", ApiClient.bearer(token), plan(once, target)).status()).isEqualTo(200);
                portal.kill();
                assertThat(Instant.now()).as("the portal must be down before the run falls due").isBefore(due);
            }
            while (Instant.now().isBefore(due.plusSeconds(3))) {
                Thread.sleep(200);
            }
            Instant restartedAt = Instant.now();

            try (ForkedPortal restarted = new ForkedPortal(data)) {
                String token = restarted.start();
                ApiClient api = restarted.api();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> startedAfter(runs(api, token), restartedAt).size() == 1);
                Thread.sleep(4000);
                List<JsonNode> after = startedAfter(runs(api, token), restartedAt);
                assertThat(after).as("the missed run fires once, not again").hasSize(1);
                assertThat(after.get(0).get("trigger").asText()).isEqualTo("SCHEDULE");
            }
        }
    }

    private static String plan(String cron, String target) {
        return "{\"cron\": \"" + cron + "\", \"target\": \"" + target + "\", \"contents\": \"BOTH\", \"includeSystemDatabases\": false,"
                + " \"compressionLevel\": 1, \"retention\": {\"keepLast\": 3, \"keepHourly\": 0, \"keepDaily\": 0, \"keepWeekly\": 0,"
                + " \"keepMonthly\": 0, \"keepYearly\": 0}, \"verifyCron\": null, \"enabled\": true}";
    }

    private static List<JsonNode> runs(ApiClient api, String token) {
        List<JsonNode> runs = new ArrayList<>();
        api.send("GET", "/api/v1/backups?plan=often&size=100", ApiClient.bearer(token), null).body().get("items").forEach(runs::add);
        return runs;
    }

    private static List<JsonNode> startedAfter(List<JsonNode> runs, Instant moment) {
        return runs.stream().filter(run -> Instant.parse(run.get("startedAt").asText()).isAfter(moment)).toList();
    }
}
