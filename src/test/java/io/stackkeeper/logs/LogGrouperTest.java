package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LogGrouperTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:30:23Z");

    private static LogLine line(String container, String text) {
        return LogParser.parse(container, AT, text);
    }

    private static List<LogLine> backend(String... texts) {
        return Stream.of(texts).map(text -> line("backend", text)).toList();
    }

    @Test
    void a_java_stack_trace_is_folded_into_the_line_that_logged_it() {
        List<LogLine> grouped = LogGrouper.group(backend(
                "2026-12-03 10:00:00,123 ERROR [main] io.x.App - request failed",
                "java.lang.IllegalStateException: boom",
                "\tat io.x.App.handle(App.java:10)",
                "\tat io.x.App.main(App.java:3)",
                "Caused by: java.io.IOException: disk full",
                "\t... 2 more",
                "2026-12-03 10:00:01,000 INFO [main] io.x.App - next"));

        assertThat(grouped).hasSize(2);
        assertThat(grouped.get(0).level()).isEqualTo(LogLevel.ERROR);
        assertThat(grouped.get(0).message()).endsWith("request failed");
        assertThat(grouped.get(0).continuation()).containsExactly("java.lang.IllegalStateException: boom",
                "\tat io.x.App.handle(App.java:10)", "\tat io.x.App.main(App.java:3)", "Caused by: java.io.IOException: disk full",
                "\t... 2 more");
        assertThat(grouped.get(1).message()).endsWith("next");
        assertThat(grouped.get(1).continuation()).isEmpty();
    }

    @Test
    void a_python_traceback_is_folded_with_its_code_lines_and_the_exception_it_ends_with() {
        List<LogLine> grouped = LogGrouper.group(backend(
                "ERROR:root:request failed",
                "Traceback (most recent call last):",
                "  File \"/app/main.py\", line 12, in handle",
                "    return 1 / 0",
                "ZeroDivisionError: division by zero",
                "INFO:root:next"));

        assertThat(grouped).extracting(LogLine::message).containsExactly("ERROR:root:request failed", "INFO:root:next");
        assertThat(grouped.get(0).continuation()).containsExactly("Traceback (most recent call last):",
                "  File \"/app/main.py\", line 12, in handle", "    return 1 / 0", "ZeroDivisionError: division by zero");
    }

    @Test
    void indented_at_lines_of_node_are_folded_and_an_exception_after_a_finished_trace_starts_a_new_line() {
        List<LogLine> grouped = LogGrouper.group(backend(
                "Error: boom",
                "    at Object.<anonymous> (/app/index.js:1:7)",
                "java.lang.RuntimeException: second",
                "\tat a.B.c(B.java:1)"));

        assertThat(grouped).extracting(LogLine::message).containsExactly("Error: boom", "java.lang.RuntimeException: second");
        assertThat(grouped).extracting(line -> line.continuation().size()).containsExactly(1, 1);
    }

    @Test
    void continuation_lines_go_to_the_previous_line_of_their_own_container() {
        List<LogLine> grouped = LogGrouper.group(List.of(
                line("backend", "ERROR failed"),
                line("frontend", "GET / 200"),
                line("backend", "\tat a.B.c(B.java:1)"),
                line("frontend", "GET /app.js 200"),
                line("backend", "\tat a.B.main(B.java:2)")));

        assertThat(grouped).extracting(LogLine::message).containsExactly("ERROR failed", "GET / 200", "GET /app.js 200");
        assertThat(grouped.get(0).continuation()).containsExactly("\tat a.B.c(B.java:1)", "\tat a.B.main(B.java:2)");
    }

    @Test
    void a_continuation_line_without_a_line_before_it_is_a_line_of_its_own() {
        List<LogLine> grouped = LogGrouper.group(backend("\tat a.B.c(B.java:1)", "\tat a.B.main(B.java:2)"));

        assertThat(grouped).hasSize(1);
        assertThat(grouped.get(0).message()).isEqualTo("\tat a.B.c(B.java:1)");
        assertThat(grouped.get(0).continuation()).containsExactly("\tat a.B.main(B.java:2)");
    }

    @Test
    void a_group_holds_at_most_200_lines_and_the_next_starts_a_new_group_so_nothing_is_dropped() {
        List<String> texts = new ArrayList<>(List.of("ERROR java.lang.StackOverflowError"));
        for (int i = 0; i < 450; i++) {
            texts.add("\tat a.B.recurse(B.java:" + i + ")");
        }
        List<LogLine> grouped = LogGrouper.group(backend(texts.toArray(String[]::new)));

        assertThat(grouped).extracting(line -> line.continuation().size()).containsExactly(200, 200, 48);
        assertThat(grouped.get(1).message()).isEqualTo("\tat a.B.recurse(B.java:200)");
        assertThat(grouped.get(2).continuation().get(47)).isEqualTo("\tat a.B.recurse(B.java:449)");
    }

    @Test
    void a_tail_hands_out_a_group_when_the_next_line_of_its_container_starts_another_or_when_flushed() {
        LogGrouper grouper = new LogGrouper();

        assertThat(grouper.add(line("backend", "ERROR failed"))).isEmpty();
        assertThat(grouper.add(line("backend", "\tat a.B.c(B.java:1)"))).isEmpty();
        assertThat(grouper.add(line("frontend", "GET / 200"))).isEmpty();
        LogLine completed = grouper.add(line("backend", "INFO next")).orElseThrow();
        List<LogLine> rest = grouper.flush();

        assertThat(completed.message()).isEqualTo("ERROR failed");
        assertThat(completed.continuation()).containsExactly("\tat a.B.c(B.java:1)");
        assertThat(rest).extracting(LogLine::message).containsExactly("GET / 200", "INFO next");
        assertThat(grouper.flush()).isEmpty();
    }

    @Test
    void folded_lines_are_cleaned_like_messages() {
        List<LogLine> grouped = LogGrouper.group(backend("ERROR failed", "\tat \u001b[2Ja.B.c(B.java:1)"));

        assertThat(grouped.get(0).continuation()).containsExactly("\tat \ufffd[2Ja.B.c(B.java:1)");
    }
}
