package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HourSummaryTest {

    private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
    private static final Instant FROM = START.minus(Duration.ofDays(1));
    private static final Instant TO = START.plus(Duration.ofDays(3));

    @TempDir
    Path root;

    /** 48 hours of a backend's lines; hour 17 alone has user rare-7, the word ECONNREFUSED and an error. */
    private LogHistory fortyEightHours() throws IOException {
        LogHistory history = new LogHistory(root, HistorySettings.DEFAULTS);
        for (int hour = 0; hour < 48; hour++) {
            for (int i = 0; i < 20; i++) {
                Instant at = START.plus(Duration.ofHours(hour)).plusSeconds(i * 60L);
                boolean rare = hour == 17 && i == 5;
                history.append("backend", "stack-backend-1", at, "{\"level\":\"" + (rare ? "error" : "info")
                        + "\",\"msg\":\"" + (rare ? "connect ECONNREFUSED 10.0.0.7:27017" : "request served")
                        + "\",\"user\":\"" + (rare ? "rare-7" : "user-" + i) + "\",\"route\":\"/api/orders\"}");
            }
        }
        history.flush();
        return history;
    }

    private static HistoryPage search(LogHistory history, String query) {
        return history.search(List.of("backend"), FROM, TO, LogQuery.parse(query), 100, true);
    }

    @Test
    void a_field_value_kept_in_one_hour_of_48_opens_only_that_hour() throws IOException {
        try (LogHistory history = fortyEightHours()) {
            HistoryPage page = search(history, "user:RARE-7");
            assertThat(page.lines()).extracting(LogLine::message).containsExactly("connect ECONNREFUSED 10.0.0.7:27017");
            assertThat(page.hoursRead()).isEqualTo(1);
            assertThat(page.hoursSkipped()).isEqualTo(47);
        }
    }

    @Test
    void a_word_a_level_and_a_phrase_found_in_one_hour_open_only_that_hour() throws IOException {
        try (LogHistory history = fortyEightHours()) {
            for (String query : List.of("econnrefused", "level>=error", "\"connect econn\"", "msg:\"connect ECONNREFUSED\"*")) {
                HistoryPage page = search(history, query);
                assertThat(page.lines()).as(query).hasSize(1);
                assertThat(page.hoursRead()).as(query).isEqualTo(1);
            }
            assertThat(search(history, "user:nobody").hoursRead()).isZero();
        }
    }

    @Test
    void terms_a_summary_cannot_answer_read_the_hours_and_still_find_the_line() throws IOException {
        try (LogHistory history = fortyEightHours()) {
            HistoryPage pattern = search(history, "/ECONN\\w+/");
            assertThat(pattern.lines()).hasSize(1);
            assertThat(pattern.hoursRead()).isEqualTo(48);
            HistoryPage prefix = search(history, "user:rare*");
            assertThat(prefix.lines()).hasSize(1);
        }
    }

    @Test
    void a_missing_or_damaged_summary_is_rebuilt_from_its_hour_file() throws IOException {
        try (LogHistory history = fortyEightHours()) {
            Path folder = root.resolve("backend");
            Path damaged = folder.resolve("2026-11-28T17.summary");
            Path missing = folder.resolve("2026-11-28T16.summary");
            Files.write(damaged, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21});
            Files.delete(missing);
            HistoryPage page = search(history, "user:rare-7");
            assertThat(page.lines()).hasSize(1);
            assertThat(page.hoursRead()).isEqualTo(1);
            assertThat(HourSummary.read(damaged)).isNotNull();
            assertThat(HourSummary.read(missing)).isNotNull();
        }
    }

    @Test
    void the_summary_of_the_hour_being_written_is_consulted_in_memory() throws IOException {
        try (LogHistory history = new LogHistory(root, HistorySettings.DEFAULTS)) {
            history.append("backend", "b-1", START, "{\"level\":\"info\",\"msg\":\"x\",\"user\":\"u-1\"}");
            history.flush();
            assertThat(Files.exists(root.resolve("backend").resolve("2026-11-28T00.summary"))).isFalse();
            assertThat(search(history, "user:u-2").hoursSkipped()).isEqualTo(1);
            assertThat(search(history, "user:u-1").lines()).hasSize(1);
        }
    }

    @Test
    void case_folding_agrees_with_the_query_comparison() {
        for (String[] pair : new String[][] {{"K", "\u212A"}, {"s", "\u017F"}, {"i", "\u0130"}, {"STRASSE", "strasse"}}) {
            assertThat(pair[0].equalsIgnoreCase(pair[1])).isEqualTo(CaseFold.fold(pair[0]).equals(CaseFold.fold(pair[1])));
        }
    }
}
