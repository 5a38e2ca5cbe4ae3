package io.stackkeeper.logs;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.ChattyContainer;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live following under load (run with {@code bench/live-logs.sh}): a container writing 5,000 lines a second, ten live
 * viewers of it for {@code bench.minutes} (default 10). Measures each line's lag from its writing (the container's
 * uptime stamp) to its batch's arrival at the consumer (p50, p99, max, from a histogram in 10 ms steps) and the heap after a full GC at minute 2 (a
 * third of a shorter run) and at the end. The table goes to stdout and to {@code target/bench/live-logs.md}.
 */
@PortalTest
class LiveLogsBenchmark {

    private static final int VIEWERS = Integer.getInteger("bench.viewers", 10);
    private static final int RATE = Integer.getInteger("bench.rate", 5_000);
    private static final double MINUTES = Double.parseDouble(System.getProperty("bench.minutes", "10"));
    private static final int STEP_MILLIS = 10;
    private static final int STEPS = 1_000;
    private static final long BOOT_MILLIS = bootMillis();

    @Autowired
    LogService logs;

    @Autowired
    StackService stack;

    @Test
    void ten_viewers_of_a_container_writing_5000_lines_a_second_stay_within_a_second_and_the_heap_stays_flat() throws Exception {
        AtomicLongArray lagHistogram = new AtomicLongArray(STEPS + 1);
        AtomicLong lines = new AtomicLong();
        AtomicLong maxLagMillis = new AtomicLong();
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0"); ChattyContainer chatty = new ChattyContainer(RATE)) {
            StackSettingsChange s = sample.settings();
            TestUsers.asAdmin(() -> stack.saveSettings(new StackSettingsChange(s.engine(),
                    StackSettingsChange.Containers.named(sample.backendName, chatty.name), s.databases(), s.urls(), s.storageHostPath(), s.registry())));
            List<LiveLogs> viewers = new ArrayList<>();
            Instant measuredFrom = Instant.now().plusSeconds(10);
            for (int i = 0; i < VIEWERS; i++) {
                viewers.add(TestUsers.as("bench-op", List.of(Role.OPERATOR), () -> logs.follow(Set.of(StackPart.FRONTEND), 500, "", null, batch -> {
                    Instant now = Instant.now();
                    if (now.isBefore(measuredFrom)) {
                        return;
                    }
                    for (LogLine line : batch) {
                        long lag = Math.max(0, now.toEpochMilli() - writtenMillis(line));
                        lagHistogram.incrementAndGet((int) Math.min(STEPS, lag / STEP_MILLIS));
                        maxLagMillis.accumulateAndGet(lag, Math::max);
                    }
                    lines.addAndGet(batch.size());
                })));
            }
            long runMillis = (long) (MINUTES * 60_000);
            long earlyAt = Math.min(120_000, runMillis / 3);
            Thread.sleep(earlyAt);
            long heapEarly = heapAfterGc();
            Thread.sleep(runMillis - earlyAt);
            long heapEnd = heapAfterGc();
            int held = viewers.stream().mapToInt(v -> ((LiveViewers.Viewer) v).held()).max().orElse(0);
            viewers.forEach(LiveLogs::close);

            long seconds = Duration.between(measuredFrom, Instant.now()).toSeconds();
            String table = String.join("\n",
                    "| measure (" + VIEWERS + " viewers of one container writing " + RATE + " lines/s, " + MINUTES + " min) | value | target |",
                    "|---|---:|---:|",
                    "| lines delivered to the viewers | " + lines.get() + " (" + lines.get() / Math.max(1, seconds) / VIEWERS + " lines/s a viewer) | |",
                    "| lag from writing a line to its batch, p50 / p99 | " + percentile(lagHistogram, 0.50) + " / "
                            + percentile(lagHistogram, 0.99) + " ms | < 1,000 ms |",
                    "| lag, max | " + maxLagMillis.get() + " ms | |",
                    "| heap after GC at minute " + earlyAt / 60_000.0 + " / at the end | " + heapEarly / (1 << 20) + " MB / " + heapEnd / (1 << 20)
                            + " MB | flat |",
                    "| most lines one viewer held at the end | " + held + " | <= bound " + viewers.get(0).maxLines() + " + 1 s of lines |",
                    "");
            System.out.println(table);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/live-logs.md"), table);
        }
    }

    /**
     * When the line was written: its burst's kernel uptime ({@code up}, 10 ms steps) on this host's clock; the engine's
     * own stamp is whole seconds.
     */
    private static long writtenMillis(LogLine line) {
        String up = line.fields().get("up");
        return up == null ? line.at().toEpochMilli() : BOOT_MILLIS + (long) (Double.parseDouble(up) * 1000);
    }

    private static long bootMillis() {
        try {
            String up = Files.readString(Path.of("/proc/uptime")).split(" ")[0];
            return System.currentTimeMillis() - (long) (Double.parseDouble(up) * 1000);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long percentile(AtomicLongArray histogram, double share) {
        long total = 0;
        for (int i = 0; i < histogram.length(); i++) {
            total += histogram.get(i);
        }
        long seen = 0;
        for (int i = 0; i < histogram.length(); i++) {
            seen += histogram.get(i);
            if (seen >= total * share) {
                return (long) (i + 1) * STEP_MILLIS;
            }
        }
        return -1;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
