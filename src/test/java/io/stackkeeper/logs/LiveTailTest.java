package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live viewer's buffer fed directly, on a clock of its own: merging, grouping, filtering, bounds, batches, pause. */
class LiveTailTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final List<List<LogLine>> batches = new ArrayList<>();

    @Test
    void lines_of_two_containers_are_merged_by_their_time_once_held_for_a_moment() {
        LiveTail tail = new LiveTail(LogQuery.ALL, 100, batches::add);
        tail.offer(line("frontend", 2, "GET / 200"), 0);
        tail.offer(line("backend", 1, "{\"level\":\"info\",\"message\":\"earlier\"}"), 100);
        tail.tick(200);
        assertThat(batches).isEmpty();

        tail.tick(400);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).extracting(LogLine::message).containsExactly("earlier", "GET / 200");
        assertThat(batches.get(0)).extracting(LogLine::container).containsExactly("backend", "frontend");
    }

    @Test
    void a_stack_trace_comes_as_one_line_with_its_folded_lines() {
        LiveTail tail = new LiveTail(LogQuery.ALL, 100, batches::add);
        tail.offer(line("backend", 1, "ERROR request failed"), 0);
        tail.offer(line("backend", 1, "java.lang.IllegalStateException: boom"), 10);
        tail.offer(line("backend", 1, "\tat io.example.Handler.handle(Handler.java:42)"), 20);
        tail.offer(line("backend", 2, "INFO next request"), 30);
        tail.tick(600);

        assertThat(batches.get(0)).extracting(LogLine::message).containsExactly("ERROR request failed", "INFO next request");
        assertThat(batches.get(0).get(0).continuation()).hasSize(2);
    }

    @Test
    void the_level_and_a_field_query_apply_to_every_line_and_a_gap_mark_shows_whatever_they_say() {
        LiveTail tail = new LiveTail(LogQuery.parse("user:42").atLeast(LogLevel.WARN), 100, batches::add);
        tail.offer(line("backend", 1, "{\"level\":\"warn\",\"message\":\"slow\",\"user\":42}"), 0);
        tail.offer(line("backend", 2, "{\"level\":\"info\",\"message\":\"fine\",\"user\":42}"), 0);
        tail.offer(line("backend", 3, "{\"level\":\"error\",\"message\":\"other user\",\"user\":7}"), 0);
        tail.mark("backend", T0.plusSeconds(4), "backend recreated: a \u2192 b", 0);
        tail.tick(500);

        assertThat(batches.get(0)).extracting(LogLine::message).containsExactly("slow", "backend recreated: a \u2192 b");
    }

    @Test
    void batches_go_out_at_most_five_times_a_second_however_fast_lines_come() {
        LiveTail tail = new LiveTail(LogQuery.ALL, 10_000, batches::add);
        for (long now = 0; now < 2_000; now += 5) {
            tail.offer(line("backend", (int) now, "line " + now), now);
            tail.tick(now);
        }
        assertThat(batches).hasSizeBetween(8, 10);
        assertThat(batches.stream().mapToInt(List::size).sum()).isGreaterThan(300);
    }

    @Test
    void the_viewer_holds_at_most_its_bound_and_shows_the_newest_lines() {
        LiveTail tail = new LiveTail(LogQuery.ALL, 100, batches::add);
        for (int i = 0; i < 5_000; i++) {
            tail.offer(line("backend", i, "line " + i), i / 10);
            assertThat(tail.held()).isLessThanOrEqualTo(200);
        }
        tail.tick(1_000);
        assertThat(tail.held()).isLessThanOrEqualTo(100);
        assertThat(tail.lines()).hasSize(100);
        assertThat(tail.lines().get(99).message()).isEqualTo("line 4999");
    }

    @Test
    void paused_lines_wait_counted_the_oldest_past_the_bound_are_dropped_and_resume_shows_the_rest() {
        LiveTail tail = new LiveTail(LogQuery.ALL, 50, batches::add);
        tail.offer(line("backend", 0, "before the pause"), 0);
        tail.tick(300);
        assertThat(tail.lines()).hasSize(1);
        tail.pause();
        for (int i = 1; i <= 80; i++) {
            tail.offer(line("backend", i, "line " + i), 300 + i);
        }
        tail.tick(1_000);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).as("an empty batch tells that lines wait").isEmpty();
        assertThat(tail.waiting()).isEqualTo(50);
        assertThat(tail.dropped()).isEqualTo(30);
        assertThat(tail.lines()).as("the shown line went first to make room").isEmpty();
        tail.tick(1_300);
        assertThat(batches).as("no news: no batch").hasSize(2);

        tail.resume();
        tail.tick(1_600);
        assertThat(batches.get(2)).hasSize(50);
        assertThat(batches.get(2).get(0).message()).isEqualTo("line 31");
        assertThat(tail.waiting()).isZero();
        assertThat(tail.dropped()).isZero();
        assertThat(tail.lines()).hasSize(50);
    }

    private static LogLine line(String container, int millis, String text) {
        return LogParser.parse(container, T0.plusMillis(millis), text);
    }
}
