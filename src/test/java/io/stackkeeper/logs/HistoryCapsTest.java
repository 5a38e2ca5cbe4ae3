package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCapsTest {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path root;

    /** One line an hour for ten days, in two services, every hour closed. */
    private void tenDays(LogHistory history) {
        for (int hour = 0; hour < 240; hour++) {
            Instant at = START.plus(Duration.ofHours(hour));
            history.append("backend", "b-1", at, "backend hour " + hour);
            history.append("frontend", "f-1", at.plusSeconds(1), "frontend hour " + hour);
        }
        history.append("backend", "b-1", START.plus(Duration.ofHours(240)), "the open hour");
        history.flush();
    }

    private List<String> hourFiles(String service) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(service))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".log.zst")).sorted().toList();
        }
    }

    @Test
    void hours_older_than_the_age_cap_are_deleted_with_their_summaries() throws IOException {
        Instant now = START.plus(Duration.ofHours(240)).plusSeconds(10);
        try (LogHistory history = new LogHistory(root, new HistorySettings(Duration.ofDays(7), 1L << 40))) {
            tenDays(history);
            int deleted = history.enforce(now);
            assertThat(hourFiles("backend")).hasSize(7 * 24 + 1).first().isEqualTo("2026-11-23T00.log.zst");
            assertThat(hourFiles("frontend")).hasSize(7 * 24).first().isEqualTo("2026-11-23T00.log.zst");
            assertThat(deleted).isEqualTo(2 * 72);
            assertThat(Files.exists(root.resolve("backend").resolve("2026-11-22T23.summary"))).isFalse();
            assertThat(history.search(List.of("backend"), START, now, LogQuery.ALL, 1, false).lines())
                    .extracting(LogLine::message).containsExactly("backend hour 72");
        }
    }

    @Test
    void past_the_size_cap_the_oldest_hours_of_any_service_go_first_and_the_open_hour_stays() throws IOException {
        Instant now = START.plus(Duration.ofHours(240));
        try (LogHistory history = new LogHistory(root, HistorySettings.DEFAULTS)) {
            tenDays(history);
        }
        long oneHour = Files.size(root.resolve("frontend").resolve("2026-11-25T00.log.zst"))
                + Files.size(root.resolve("frontend").resolve("2026-11-25T00.summary"));
        try (LogHistory history = new LogHistory(root, new HistorySettings(Duration.ofDays(30), oneHour * 10 + oneHour / 2))) {
            history.append("backend", "b-1", now.plusSeconds(5), "the open hour again");
            history.enforce(now);
            assertThat(hourFiles("backend")).containsExactly("2026-11-29T20.log.zst", "2026-11-29T21.log.zst",
                    "2026-11-29T22.log.zst", "2026-11-29T23.log.zst", "2026-11-30T00.log.zst");
            assertThat(hourFiles("frontend")).containsExactly("2026-11-29T19.log.zst", "2026-11-29T20.log.zst",
                    "2026-11-29T21.log.zst", "2026-11-29T22.log.zst", "2026-11-29T23.log.zst");
        }
    }
}
