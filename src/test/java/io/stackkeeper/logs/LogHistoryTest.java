package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");
    private static final Instant ALL_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant ALL_TO = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path root;

    private LogHistory history() throws IOException {
        return new LogHistory(root, HistorySettings.DEFAULTS);
    }

    private static List<LogLine> all(LogHistory history, String... services) {
        return history.search(List.of(services), ALL_FROM, ALL_TO, LogQuery.ALL, 1000, true).lines();
    }

    @Test
    void kept_lines_come_back_parsed_as_the_live_viewer_parses_them() throws IOException {
        List<String> raws = List.of(
                "{\"time\":\"2026-12-01T10:00:00.100Z\",\"level\":\"info\",\"msg\":\"started\",\"user\":42,\"route\":\"/api/x\"}",
                "2026-12-01 10:00:01,000 WARN [main] disk at 91%",
                "with\ttab and back\\slash and a \"quote\"",
                "");
        try (LogHistory history = history()) {
            for (int i = 0; i < raws.size(); i++) {
                history.append("backend", "stack-backend-1", T0.plusMillis(i), raws.get(i));
            }
            history.flush();
            List<LogLine> lines = all(history, "backend");
            assertThat(lines).hasSize(raws.size());
            for (int i = 0; i < raws.size(); i++) {
                assertThat(lines.get(i)).isEqualTo(LogParser.parse("stack-backend-1", T0.plusMillis(i), raws.get(i)));
            }
        }
    }

    @Test
    void lines_survive_closing_and_reopening_the_history() throws IOException {
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0, "before the restart");
        }
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0.plusSeconds(1), "after the restart");
            history.flush();
            assertThat(all(history, "backend")).extracting(LogLine::message)
                    .containsExactly("before the restart", "after the restart");
        }
    }

    @Test
    void a_line_over_one_mebibyte_is_kept_cut_and_marked_as_the_parser_marks_it() throws IOException {
        String huge = "{\"level\":\"error\",\"msg\":\"" + "x".repeat(LogLine.MAX_CHARS + 5_000) + "\"}";
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0, huge);
            history.flush();
            LogLine kept = all(history, "backend").get(0);
            LogLine live = LogParser.parse("b-1", T0, huge);
            assertThat(kept.truncated()).isTrue();
            assertThat(kept.raw().length()).isEqualTo(LogLine.MAX_CHARS);
            // compared as booleans: a failure must not print a mebibyte
            assertThat(kept.message().equals(live.message())).isTrue();
            assertThat(kept.message().endsWith("x \u2026[truncated 5026 bytes]")).isTrue();
            assertThat(kept.level()).isEqualTo(LogLevel.ERROR);
        }
    }

    @Test
    void invalid_utf8_and_lone_surrogates_are_kept_as_replacement_chars() throws IOException {
        String decoded = new String(new byte[] {'a', (byte) 0xff, (byte) 0xc3, 'b'}, StandardCharsets.UTF_8);
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0, decoded + "\uD800c");
            history.flush();
            assertThat(all(history, "backend")).singleElement()
                    .satisfies(line -> assertThat(line.raw()).isEqualTo("a\uFFFD\uFFFDb?c"));
        }
    }

    @Test
    void a_torn_last_frame_loses_only_the_last_batch_and_new_lines_follow_the_whole_frames() throws IOException {
        Path file;
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0, "first batch");
            history.flush();
            history.append("backend", "b-1", T0.plusSeconds(1), "second batch");
            history.flush();
            file = root.resolve("backend").resolve("2026-12-01T10.log.zst");
            long size = Files.size(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size - 7); // a crash in the middle of writing the last frame
            }
            assertThat(all(history, "backend")).extracting(LogLine::message).containsExactly("first batch");
        }
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0.plusSeconds(2), "after the crash");
            history.flush();
            assertThat(all(history, "backend")).extracting(LogLine::message)
                    .containsExactly("first batch", "after the crash");
        }
    }

    @Test
    void a_file_of_garbage_named_as_an_hour_yields_nothing_and_no_exception() throws IOException {
        Files.createDirectories(root.resolve("backend"));
        byte[] garbage = new byte[100_000];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(root.resolve("backend").resolve("2026-12-01T09.log.zst"), garbage);
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0, "a real line");
            history.flush();
            assertThat(all(history, "backend")).extracting(LogLine::message).containsExactly("a real line");
        }
    }

    @Test
    void a_search_crosses_a_recreation_of_the_container_and_merges_services_by_time() throws IOException {
        try (LogHistory history = history()) {
            history.append("backend", "stack-backend-1", T0, "old container 1");
            history.append("frontend", "stack-frontend-1", T0.plusSeconds(1), "frontend line");
            history.append("backend", "stack-backend-1", T0.plusSeconds(2), "old container 2");
            history.flush();
            history.append("backend", "stack-backend-1-recreated", T0.plusSeconds(3), "new container 1");
            history.append("backend", "stack-backend-1-recreated", T0.plusSeconds(4), "new container 2");
            history.flush();
            assertThat(all(history, "backend", "frontend")).extracting(LogLine::container, LogLine::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("stack-backend-1", "old container 1"),
                    org.assertj.core.groups.Tuple.tuple("stack-frontend-1", "frontend line"),
                    org.assertj.core.groups.Tuple.tuple("stack-backend-1", "old container 2"),
                    org.assertj.core.groups.Tuple.tuple("stack-backend-1-recreated", "new container 1"),
                    org.assertj.core.groups.Tuple.tuple("stack-backend-1-recreated", "new container 2"));
            HistoryPage container = history.search(List.of("backend"), ALL_FROM, ALL_TO,
                    LogQuery.parse("container:stack-backend-1-recreated"), 10, true);
            assertThat(container.lines()).extracting(LogLine::message).containsExactly("new container 1", "new container 2");
        }
    }

    @Test
    void the_first_page_holds_the_newest_matches_oldest_first_and_says_there_are_more() throws IOException {
        try (LogHistory history = history()) {
            for (int i = 0; i < 30; i++) {
                history.append("backend", "b-1", T0.plus(Duration.ofMinutes(10L * i)), "line " + i);
            }
            history.flush();
            HistoryPage newest = history.search(List.of("backend"), ALL_FROM, ALL_TO, LogQuery.ALL, 3, true);
            assertThat(newest.lines()).extracting(LogLine::message).containsExactly("line 27", "line 28", "line 29");
            assertThat(newest.more()).isTrue();
            assertThat(newest.hoursRead()).isEqualTo(1);
            HistoryPage oldest = history.search(List.of("backend"), ALL_FROM, ALL_TO, LogQuery.ALL, 3, false);
            assertThat(oldest.lines()).extracting(LogLine::message).containsExactly("line 0", "line 1", "line 2");
            HistoryPage range = history.search(List.of("backend"), T0.plus(Duration.ofMinutes(100)),
                    T0.plus(Duration.ofMinutes(120)), LogQuery.ALL, 100, true);
            assertThat(range.lines()).extracting(LogLine::message).containsExactly("line 10", "line 11");
        }
    }

    @Test
    void stack_traces_come_back_folded_into_their_line() throws IOException {
        try (LogHistory history = history()) {
            history.append("backend", "b-1", T0, "ERROR request failed");
            history.append("backend", "b-1", T0.plusMillis(1), "java.lang.IllegalStateException: boom");
            history.append("backend", "b-1", T0.plusMillis(2), "\tat a.B.c(B.java:1)");
            history.flush();
            assertThat(history.search(List.of("backend"), ALL_FROM, ALL_TO, LogQuery.parse("boom"), 10, true).lines())
                    .singleElement().satisfies(line -> assertThat(line.continuation()).hasSize(2));
        }
    }

    @Test
    void redaction_rules_apply_before_a_line_is_kept() throws IOException {
        try (LogHistory history = history()) {
            history.redaction(RedactionRules.of(List.of("password=\\S+", "Bearer [A-Za-z0-9.]+")));
            history.append("backend", "b-1", T0, "login password=hunter2 with Bearer abc.def ok");
            history.close();
            assertThat(all(history, "backend")).extracting(LogLine::raw)
                    .containsExactly("login [redacted] with [redacted] ok");
            assertThat(history.search(List.of("backend"), ALL_FROM, ALL_TO, LogQuery.parse("hunter2"), 10, true).lines())
                    .isEmpty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).doesNotContain("hunter2");
            }
        }
    }

    @Test
    void a_redaction_rule_that_backtracks_too_long_withholds_the_line_instead_of_hanging_the_writer() throws IOException {
        try (LogHistory history = history()) {
            RedactionRules rules = RedactionRules.of(List.of("((a+)+)\\2$"));
            history.redaction(rules);
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> history.append("backend", "b-1", T0, "a".repeat(32) + "!"));
            history.append("backend", "b-1", T0.plusSeconds(1), "fine line");
            history.flush();
            assertThat(all(history, "backend")).extracting(LogLine::raw)
                    .containsExactly(RedactionRules.WITHHELD, "fine line");
            assertThat(rules.withheldLines()).isEqualTo(1);
        }
    }
}
