package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long an upgrade of both containers and a rollback take on the sample stack (real engine; the backend's
 * migrations take 1 s at boot), against a baseline measured in the same run: the same recreations done by hand with
 * the engine's API, as a careful script would, each waited for until it answers 200.
 * <ul>
 * <li>upgrade 89.0.0 → 90.0.0 without the backup: the run from start to end, less its pre-upgrade backup step;</li>
 * <li>rollback after 90.0.0 → 90.0.1 failed its {@code /status} check: the rollback step (both containers back on
 * their previous image IDs, each checked); the wait for the failing check is the configured health timeout.</li>
 * </ul>
 * Rounds: {@code -Dbench.rounds} (default 3). The table goes to stdout and {@code target/bench/upgrade-timing.md}.
 */
@PortalTest
class UpgradeTimingBenchmark {

    private static final Duration TARGET = Duration.ofSeconds(30);

    @Autowired
    UpgradeService upgrades;

    @Autowired
    StackService stack;

    @Test
    void upgrade_and_rollback_times_against_recreating_the_containers_by_hand() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Long> upgradeMillis = new ArrayList<>();
        List<Long> backupMillis = new ArrayList<>();
        List<Long> rollbackMillis = new ArrayList<>();
        List<Long> detectMillis = new ArrayList<>();
        List<Long> byHandUpgrade = new ArrayList<>();
        List<Long> byHandRollback = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
                long start = System.nanoTime();
                sample.recreateByHand("90.0.0");
                byHandUpgrade.add((System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                sample.recreateByHand("89.0.0");
                byHandRollback.add((System.nanoTime() - start) / 1_000_000);
            }
            try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
                UpgradeRequestRecord done = run(sample, "90.0.0", List.of("bc-90.0.0-x-json-flavor"));
                assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.SUCCEEDED);
                long backup = step(done, UpgradeRollout.BACKUP).took().toMillis();
                backupMillis.add(backup);
                upgradeMillis.add(Duration.between(done.startedAt(), done.finishedAt()).toMillis() - backup);
            }
            try (SampleStack sample = new SampleStack("90.0.0", "90.0.0")) {
                UpgradeRequestRecord done = run(sample, "90.0.1", List.of());
                assertThat(done.status()).as(done.outcome()).isEqualTo(RequestStatus.FAILED_ROLLED_BACK);
                rollbackMillis.add(step(done, UpgradeRollout.ROLLBACK).took().toMillis());
                detectMillis.add(step(done, done.failedStep()).took().toMillis());
            }
        }
        String table = String.join("\n",
                "| measure (median of " + rounds + ") | portal | by hand (baseline) | ratio portal/baseline | target |",
                "|---|---:|---:|---:|---:|",
                row("upgrade 89.0.0 → 90.0.0, both containers, without the backup", median(upgradeMillis), median(byHandUpgrade)),
                row("rollback of both containers to their previous images", median(rollbackMillis), median(byHandRollback)),
                "| (pre-upgrade backup step, not counted) | " + seconds(median(backupMillis)) + " | | | |",
                "| (failing backend step until its health timeout, not counted) | " + seconds(median(detectMillis)) + " | | | |",
                "",
                "all rounds, ms: upgrade " + upgradeMillis + ", by hand " + byHandUpgrade + "; rollback " + rollbackMillis + ", by hand "
                        + byHandRollback + "; backup " + backupMillis);
        System.out.println(table);
        Path out = Path.of("target", "bench", "upgrade-timing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        assertThat(median(upgradeMillis)).isLessThan(TARGET.toMillis());
        assertThat(median(rollbackMillis)).isLessThan(TARGET.toMillis());
    }

    private UpgradeRequestRecord run(SampleStack sample, String version, List<String> acknowledged) throws InterruptedException {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        UpgradeRequestRecord requested = TestUsers.as("ops", List.of(Role.OPERATOR),
                () -> upgrades.requestUpgrade(version, version, "benchmark", null, null, acknowledged));
        TestUsers.as("approver", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "benchmark"));
        TestUsers.as("ops", List.of(Role.OPERATOR), () -> upgrades.start(requested.id()));
        while (true) {
            UpgradeRequestRecord now = TestUsers.asAdmin(() -> upgrades.request(requested.id())).orElseThrow();
            if (now.ended()) {
                return now;
            }
            Thread.sleep(100);
        }
    }

    private static RolloutStep step(UpgradeRequestRecord request, String title) {
        return request.steps().stream().filter(step -> step.title().equals(title)).findFirst().orElseThrow();
    }

    private static String row(String measure, long portal, long baseline) {
        return "| " + measure + " | " + seconds(portal) + " | " + seconds(baseline) + " | "
                + String.format(Locale.ROOT, "%.2f", portal / (double) baseline) + " | < 30 s |";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
