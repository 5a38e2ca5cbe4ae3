package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackkeeper.ApiClient;
import io.stackkeeper.ClusterFixtures;
import io.stackkeeper.ForkedPortal;
import io.stackkeeper.stack.SampleStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portal processes on one PostgreSQL database share the schedules through Quartz's clustered job store: a plan
 * saved on one fires on either, each firing once, none missed; the probes are shared between them, each run once at
 * its interval, and each portal's pages see every probe's state.
 */
class TwoPortalsTest {

    private static final int EVERY_SECONDS = 5;
    private static final Duration WATCHED = Duration.ofSeconds(60);
    private static final int PROBE_EVERY_SECONDS = 5;

    @TempDir
    Path work;

    @Test
    void two_portals_on_one_database_run_each_scheduled_backup_and_each_probe_once_and_miss_none() throws Exception {
        Path backups = work.resolve("backups");
        try (ClusterFixtures.CountedTargets targets = new ClusterFixtures.CountedTargets(6); SampleStack sample = new SampleStack("89.0.0", "89.0.0");
                ClusterFixtures.TwoPortals portals = new ClusterFixtures.TwoPortals(work, backups, sample)) {
            ForkedPortal first = portals.first;
            ForkedPortal second = portals.second;
            String token = portals.token;
            ApiClient api = first.api();
            assertThat(api.send("PUT", "/api/v1/backup-plans/shared", ApiClient.bearer(token),
                    ClusterFixtures.plan("0/" + EVERY_SECONDS + " * * * * ?", backups.resolve("shared").toString())).status()).isEqualTo(201);
            List<Long> probes = portals.probes(targets.each, PROBE_EVERY_SECONDS);
            Thread.sleep(10_000);
            Instant from = Instant.now();
            Thread.sleep(WATCHED.toMillis());
            Instant until = Instant.now();
            for (ForkedPortal portal : List.of(first, second)) {
                String portalToken = portal.api().tokenFor("admin", ForkedPortal.ADMIN_PASSWORD);
                for (long probe : probes) {
                    JsonNode state = portal.api().send("GET", "/api/v1/probes/" + probe, ApiClient.bearer(portalToken), null).body();
                    assertThat(Instant.parse(state.get("checkedAt").asText())).as("each portal sees probe %d run", probe)
                            .isAfter(until.minusSeconds(2L * PROBE_EVERY_SECONDS));
                    assertThat(state.get("state").asText()).isEqualTo("OK");
                }
                assertThat(java.nio.file.Files.readString(portal.log())).contains("Probes are shared by 2 portal(s)");
            }
            for (ClusterFixtures.CountedTarget target : targets.each) {
                List<Instant> runs = target.runs().stream().filter(at -> at.isAfter(from) && at.isBefore(until)).toList();
                assertThat(runs).as("each probe run once every %d s", PROBE_EVERY_SECONDS)
                        .hasSizeBetween((int) (WATCHED.toSeconds() / PROBE_EVERY_SECONDS) - 1, (int) (WATCHED.toSeconds() / PROBE_EVERY_SECONDS) + 1);
                for (int i = 1; i < runs.size(); i++) {
                    assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("no probe runs twice").isGreaterThan(Duration.ofSeconds(3));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> runs(api, token).stream().noneMatch(run -> "RUNNING".equals(run.get("status").asText())));

            List<Instant> starts = runs(second.api(), second.api().tokenFor("admin", ForkedPortal.ADMIN_PASSWORD)).stream()
                    .map(run -> Instant.parse(run.get("startedAt").asText())).filter(at -> at.isAfter(from) && at.isBefore(until)).sorted().toList();
            long firings = WATCHED.toSeconds() / EVERY_SECONDS;
            assertThat(starts).as("one run a firing, none missed").hasSizeBetween((int) firings - 1, (int) firings + 1);
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("no firing runs twice").isGreaterThan(Duration.ofSeconds(2));
            }
            assertThat(runs(api, token)).allSatisfy(run -> assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED"));
            auditTrailIsOneChain(portals);
        }
    }

    /** Both portals appended to the one audit chain: no entry twice, no number skipped, every link to the one before. */
    private static void auditTrailIsOneChain(ClusterFixtures.TwoPortals portals) throws Exception {
        try (var db = portals.databases.connect(portals.database); var sql = db.createStatement(); var rows = sql.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT (occurred_at, actor, action, target, details)), MAX(id) - MIN(id) + 1,"
                        + " COUNT(*) FILTER (WHERE id > (SELECT MIN(id) FROM audit_entry)"
                        + " AND previous_hash <> (SELECT p.hash FROM audit_entry p WHERE p.id = audit_entry.id - 1)) FROM audit_entry")) {
            rows.next();
            assertThat(rows.getLong(1)).as("audit entries").isGreaterThan(10);
            assertThat(rows.getLong(2)).as("no entry appended twice").isEqualTo(rows.getLong(1));
            assertThat(rows.getLong(3)).as("no number skipped").isEqualTo(rows.getLong(1));
            assertThat(rows.getLong(4)).as("each entry links to the one before").isZero();
        }
    }

    @Test
    void a_portal_killed_mid_backup_leaves_the_plan_to_the_other_which_marks_the_run_interrupted_and_runs_it_again() throws Exception {
        Path backups = work.resolve("backups");
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            writeRandom(sample.storage.resolve("big.bin"), 600 << 20);
            try (ClusterFixtures.TwoPortals portals = new ClusterFixtures.TwoPortals(work, backups, sample)) {
                ForkedPortal first = portals.first;
                ForkedPortal second = portals.second;
                String token = portals.token;
                java.time.ZonedDateTime at = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10).withNano(0);
                String once = String.format(java.util.Locale.ROOT, "%d %d %d %d %d ? %d", at.getSecond(), at.getMinute(), at.getHour(),
                        at.getDayOfMonth(), at.getMonthValue(), at.getYear());
                assertThat(first.api().send("PUT", "/api/v1/backup-plans/shared", ApiClient.bearer(token), ClusterFixtures.plan(once, backups.resolve("shared").toString()))
                        .status()).isEqualTo(201);

                String[] running = new String[2];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    try (var db = portals.databases.connect(portals.database); var sql = db.createStatement();
                            var rows = sql.executeQuery("SELECT id, portal_instance FROM backup_run WHERE status = 'RUNNING'")) {
                        if (!rows.next()) {
                            return false;
                        }
                        running[0] = rows.getString(1);
                        running[1] = rows.getString(2);
                        return true;
                    }
                });
                ForkedPortal owner = java.nio.file.Files.readString(first.log()).contains("_$_" + running[1] + " started") ? first : second;
                ForkedPortal survivor = owner == first ? second : first;
                owner.kill();

                ApiClient api = survivor.api();
                String survivorToken = api.tokenFor("admin", ForkedPortal.ADMIN_PASSWORD);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    List<JsonNode> runs = runs(api, survivorToken);
                    return runs.size() == 2 && runs.stream().anyMatch(run -> "SUCCEEDED".equals(run.get("status").asText()));
                });
                List<JsonNode> runs = runs(api, survivorToken);
                JsonNode killed = runs.stream().filter(run -> run.get("id").asText().equals(running[0])).findFirst().orElseThrow();
                assertThat(killed.get("status").asText()).isEqualTo("FAILED");
                assertThat(killed.get("error").asText()).contains("another took over");
                try (Stream<Path> left = java.nio.file.Files.list(backups.resolve("shared"))) {
                    assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".partial-"));
                }
            }
        }
    }

    /** Incompressible bytes, so that a backup of them takes a while. */
    private static void writeRandom(Path file, int bytes) throws java.io.IOException {
        java.util.Random random = new java.util.Random(42);
        byte[] chunk = new byte[1 << 20];
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            for (int written = 0; written < bytes; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    private static List<JsonNode> runs(ApiClient api, String token) {
        List<JsonNode> runs = new ArrayList<>();
        api.send("GET", "/api/v1/backups?plan=shared&size=100", ApiClient.bearer(token), null).body().get("items").forEach(runs::add);
        return runs;
    }
}
