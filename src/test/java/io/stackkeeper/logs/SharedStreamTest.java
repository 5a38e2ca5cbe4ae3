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

    private static LogLine line(int second, String text) {
        return LogParser.parseStamped("backend", T0.plusSeconds(second) + " " + text, T0);
    }
}
