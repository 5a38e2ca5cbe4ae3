package io.stackkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackkeeper.stack.SampleStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portals on one PostgreSQL database (bench/cluster.sh): {@code bench.plans} backup plans firing every minute and
 * {@code bench.probes} TCP probes at 5 s for {@code bench.minutes} minutes. Counts, per plan and minute, the runs both
 * portals recorded against the firings the cron asks for (the baseline: one run a firing), and per probe the
 * connections its target saw against one every 5 s; tells which portal ran how many backups and probes. Writes
 * target/bench/cluster.md.
 */
class ClusterBenchmark {

    private static final int PLANS = Integer.getInteger("bench.plans", 20);
    private static final int PROBES = Integer.getInteger("bench.probes", 20);
    private static final int MINUTES = Integer.getInteger("bench.minutes", 10);
    private static final int PROBE_EVERY_SECONDS = 5;

    @TempDir
    Path work;

    @Test
    void two_portals_run_every_plan_once_a_minute_and_every_probe_once_every_five_seconds() throws Exception {
        Path backups = work.resolve("backups");
        try (ClusterFixtures.CountedTargets targets = new ClusterFixtures.CountedTargets(PROBES); SampleStack sample = new SampleStack("89.0.0", "89.0.0");
                ClusterFixtures.TwoPortals portals = new ClusterFixtures.TwoPortals(work, backups, sample)) {
            ForkedPortal first = portals.first;
            ForkedPortal second = portals.second;
            String token = portals.token;
            String database = portals.database;
            PostgresDatabases databases = portals.databases;
            ApiClient api = first.api();
            for (int i = 0; i < PLANS; i++) {
                assertThat(api.send("PUT", "/api/v1/backup-plans/plan-" + i, ApiClient.bearer(token),
                        ClusterFixtures.plan("0 * * * * ?", backups.resolve("plan-" + i).toString())).status()).isEqualTo(201);
            }
            portals.probes(targets.each, PROBE_EVERY_SECONDS);
            Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            Instant until = from.plus(Duration.ofMinutes(MINUTES));
            Thread.sleep(Duration.between(Instant.now(), until).toMillis() + 1_000);
            Thread.sleep(60_000);

            Map<String, Integer> backupsBy = new TreeMap<>();
            Map<String, Integer> runsOfFiring = new HashMap<>();
            int failed = 0;
            try (var db = databases.connect(database); var sql = db.prepareStatement(
                    "SELECT plan_name, started_at, status, portal_instance FROM backup_run WHERE started_at >= ? AND started_at < ?")) {
                sql.setObject(1, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
                sql.setObject(2, java.time.OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC));
                try (var rows = sql.executeQuery()) {
                    while (rows.next()) {
                        Instant started = rows.getObject(2, java.time.OffsetDateTime.class).toInstant();
                        runsOfFiring.merge(rows.getString(1) + "@" + started.truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum);
                        backupsBy.merge(rows.getString(4), 1, Integer::sum);
                        failed += "SUCCEEDED".equals(rows.getString(3)) ? 0 : 1;
                    }
                }
            }
            int firings = PLANS * MINUTES;
            long duplicates = runsOfFiring.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            long missed = firings - runsOfFiring.size();

            int expectedProbeRuns = PROBES * MINUTES * 60 / PROBE_EVERY_SECONDS;
            int probeRuns = 0;
            int probeDuplicates = 0;
            int probeMissed = 0;
            for (ClusterFixtures.CountedTarget target : targets.each) {
                List<Instant> runs = target.runs().stream().filter(at -> !at.isBefore(from) && at.isBefore(until)).toList();
                probeRuns += runs.size();
                for (int i = 1; i < runs.size(); i++) {
                    long gap = Duration.between(runs.get(i - 1), runs.get(i)).toMillis();
                    probeDuplicates += gap < PROBE_EVERY_SECONDS * 500L ? 1 : 0;
                    probeMissed += gap > PROBE_EVERY_SECONDS * 1500L ? (int) (gap / (PROBE_EVERY_SECONDS * 1000L)) - 1 : 0;
                }
            }
            Map<String, Integer> probesBy = new TreeMap<>();
            for (ForkedPortal portal : List.of(first, second)) {
                String portalToken = portal.api().tokenFor("admin", ForkedPortal.ADMIN_PASSWORD);
                JsonNode scraped = portal.api().send("GET", "/actuator/prometheus", ApiClient.bearer(portalToken), null).body();
                int ran = (int) scraped.asText().lines().filter(line -> line.startsWith("stackkeeper_probe_success{")
                        && line.contains("probe=\"tcp-")).count();
                probesBy.put(portal == first ? "first" : "second", ran);
            }

            String report = String.format(Locale.ROOT, """
                    ## Two portals on one PostgreSQL (ClusterBenchmark, %s)

                    %d plans firing every minute and %d TCP probes at %d s, for %d minutes (%s to %s).

                    | | runs | baseline (one a firing) | ratio | duplicates | missed | other |
                    |---|---|---|---|---|---|---|
                    | backups | %d | %d | %.3f | %d | %d | %d not SUCCEEDED; by portal: %s |
                    | probe runs | %d | %d | %.3f | %d | %d | probes run by portal at the end: %s |
                    """, Instant.now().truncatedTo(ChronoUnit.SECONDS), PLANS, PROBES, PROBE_EVERY_SECONDS, MINUTES, from, until,
                    runsOfFiring.values().stream().mapToInt(Integer::intValue).sum(), firings,
                    runsOfFiring.values().stream().mapToInt(Integer::intValue).sum() / (double) firings, duplicates, missed, failed, backupsBy,
                    probeRuns, expectedProbeRuns, probeRuns / (double) expectedProbeRuns, probeDuplicates, probeMissed, probesBy);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/cluster.md"), report);
            System.out.println(report);
            assertThat(duplicates).isZero();
            assertThat(missed).isZero();
            assertThat(probeDuplicates).isZero();
            assertThat(probeMissed).isZero();
        }
    }
}
