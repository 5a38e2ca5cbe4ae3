package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One container's stream shared by its viewers, fed directly: what a viewer opened later starts from. */
class SharedStreamTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void every_viewer_gets_each_line_once_and_a_later_one_starts_from_the_newest_lines_and_the_marks_among_them() {
        SharedStream stream = new SharedStream(100);
        List<List<LogLine>> first = new ArrayList<>();
        LiveTail early = new LiveTail(LogQuery.ALL, 100, first::add);
        stream.add(early, 500, 0);
        for (int i = 1; i <= 5; i++) {
            stream.offer(line(i, "line " + i), 0);
        }
        stream.mark("backend", T0.plusMillis(5_500), "backend recreated: a \u2192 b", 0);
        stream.offer(line(6, "line 6"), 0);

        List<List<LogLine>> second = new ArrayList<>();
        LiveTail late = new LiveTail(LogQuery.ALL, 100, second::add);
        stream.add(late, 2, 10);
        early.tick(1_000);
        late.tick(1_000);

        assertThat(first.get(0)).extracting(LogLine::message)
                .containsExactly("line 1", "line 2", "line 3", "line 4", "line 5", "backend recreated: a \u2192 b", "line 6");
        assertThat(second.get(0)).extracting(LogLine::message).containsExactly("line 5", "backend recreated: a \u2192 b", "line 6");
    }

    @Test
    void it_remembers_at_most_its_bound_and_tells_when_its_last_viewer_left() {
        SharedStream stream = new SharedStream(3);
        LiveTail one = new LiveTail(LogQuery.ALL, 100, batch -> { });
        LiveTail two = new LiveTail(LogQuery.ALL, 100, batch -> { });
        stream.add(one, 0, 0);
        for (int i = 1; i <= 10; i++) {
            stream.offer(line(i, "line " + i), 0);
        }
        List<List<LogLine>> late = new ArrayList<>();
        LiveTail third = new LiveTail(LogQuery.ALL, 100, late::add);
        stream.add(two, 0, 0);
        stream.add(third, 500, 0);
        third.tick(1_000);

        assertThat(late.get(0)).extracting(LogLine::message).containsExactly("line 8", "line 9", "line 10");
        assertThat(stream.remove(one)).isFalse();
        assertThat(stream.remove(two)).isFalse();
        assertThat(stream.remove(third)).isTrue();
    }

    @Test
    void a_viewer_with_a_slow_pattern_never_holds_up_the_stream_or_the_other_viewers() {
        SharedStream stream = new SharedStream(1_000);
        LiveTail slow = new LiveTail(LogQuery.parse("/(a+)+$/"), 1_000, batch -> { });
        List<List<LogLine>> fast = new ArrayList<>();
        LiveTail other = new LiveTail(LogQuery.ALL, 1_000, fast::add);
        stream.add(slow, 0, 0);
        stream.add(other, 0, 0);
        String evil = "a".repeat(40) + "!";

        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            stream.offer(line(i, evil), 0);
        }
        long offerMillis = (System.nanoTime() - started) / 1_000_000;
        other.tick(1_000);
        long tickStarted = System.nanoTime();
        slow.tick(1_000);
        long slowTickMillis = (System.nanoTime() - tickStarted) / 1_000_000;

        assertThat(offerMillis).as("offering filters nothing").isLessThan(1_000);
        assertThat(fast.get(0)).hasSize(200);
        assertThat(slowTickMillis).as("a tick filters for at most its share of time (plus one line's budget)").isLessThan(1_000);
        assertThat(slow.held()).as("the rest waits for the next ticks").isGreaterThan(0);
    }

    private static LogLine line(int second, String text) {
        return LogParser.parseStamped("backend", T0.plusSeconds(second) + " " + text, T0);
    }
}
