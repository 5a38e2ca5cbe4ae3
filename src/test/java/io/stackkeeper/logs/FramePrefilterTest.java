package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramePrefilterTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static boolean mayMatch(String query, String... raws) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String raw : raws) {
            LineRecords.write(content, KeptLine.of(AT, "b-1", raw, RedactionRules.NONE));
        }
        byte[] bytes = content.toByteArray();
        return FramePrefilter.mayMatch(bytes, LineRecords.read(bytes), LogQuery.parse(query));
    }

    @Test
    void a_plain_ascii_frame_without_the_word_is_skipped_ignoring_case() {
        assertThat(mayMatch("ETIMEDOUT", "{\"msg\":\"request completed\"}", "GET /status 200")).isFalse();
        assertThat(mayMatch("etimedout", "{\"msg\":\"connect ETIMEDOUT\"}")).isTrue();
        assertThat(mayMatch("-ETIMEDOUT", "{\"msg\":\"request completed\"}")).isTrue();
    }

    @Test
    void frames_with_escapes_or_other_chars_are_never_skipped() {
        assertThat(mayMatch("timedout", "{\"msg\":\"time\\u0064out\"}")).isTrue();
        assertThat(mayMatch("kelvin", "\u212Aelvin")).isTrue();
        assertThat(mayMatch("boom", "line one", "\tat boom")).isTrue();
    }

    @Test
    void a_frame_with_a_cut_line_is_never_skipped() {
        assertThat(mayMatch("truncated", "x".repeat(LogLine.MAX_CHARS + 10))).isTrue();
    }
}
