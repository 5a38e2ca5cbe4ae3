package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogParserTest {

    private static final Instant ENGINE = Instant.parse("2026-12-03T09:30:24.5Z");
    private static final Instant WRITTEN = Instant.parse("2026-12-03T09:30:23Z");

    private static LogLine parse(String text) {
        return LogParser.parse("backend", ENGINE, text);
    }

    @Test
    void a_json_line_gives_time_level_logger_message_and_its_other_fields() {
        String text = "{\"time\":\"2026-12-03T09:30:23Z\",\"level\":\"info\",\"message\":\"heartbeat\",\"logger\":\"scheduler\","
                + "\"user\":42,\"route\":\"/api/x\",\"tags\":[\"a\", \"b\"],\"ctx\":{\"k\": 1},\"ok\":true,\"none\":null}";
        LogLine line = parse(text);

        assertThat(line.container()).isEqualTo("backend");
        assertThat(line.at()).isEqualTo(ENGINE);
        assertThat(line.time()).isEqualTo(WRITTEN);
        assertThat(line.level()).isEqualTo(LogLevel.INFO);
        assertThat(line.logger()).isEqualTo("scheduler");
        assertThat(line.message()).isEqualTo("heartbeat");
        assertThat(line.fields()).containsExactly(entry("user", "42"), entry("route", "/api/x"), entry("tags", "[\"a\",\"b\"]"),
                entry("ctx", "{\"k\":1}"), entry("ok", "true"), entry("none", "null"));
        assertThat(line.raw()).isEqualTo(text);
        assertThat(line.truncated()).isFalse();
        assertThat(line.continuation()).isEmpty();
    }

    @Test
    void the_names_other_vendors_give_time_level_logger_and_message_are_read_too() {
        long epoch = WRITTEN.getEpochSecond();
        LogLine ecs = parse("{\"@timestamp\":\"2026-12-03T10:30:23.5+01:00\",\"log.level\":\"WARN\",\"message\":\"slow\","
                + "\"log.logger\":\"io.x.Cache\"}");
        LogLine zap = parse("{\"level\":\"error\",\"ts\":" + epoch + ".25,\"caller\":\"main.go:12\",\"msg\":\"boom\"}");
        LogLine pino = parse("{\"level\":50,\"time\":" + epoch + "000,\"pid\":7,\"msg\":\"boom\"}");
        LogLine mongo = parse("{\"t\":{\"$date\":\"2026-12-03T09:30:23.123+00:00\"},\"s\":\"W\",\"c\":\"NETWORK\",\"id\":1,"
                + "\"msg\":\"Slow query\",\"attr\":{\"ms\":250}}");
        LogLine logback = parse("{\"@timestamp\":\"2026-12-03T09:30:23Z\",\"@version\":\"1\",\"message\":\"up\","
                + "\"logger_name\":\"io.x.App\",\"level\":\"INFO\",\"level_value\":20000}");

        assertThat(ecs.time()).isEqualTo(WRITTEN.plusMillis(500));
        assertThat(ecs.level()).isEqualTo(LogLevel.WARN);
        assertThat(ecs.logger()).isEqualTo("io.x.Cache");
        assertThat(zap.time()).isEqualTo(WRITTEN.plusMillis(250));
        assertThat(zap.level()).isEqualTo(LogLevel.ERROR);
        assertThat(zap.fields()).containsExactly(entry("caller", "main.go:12"));
        assertThat(pino.time()).isEqualTo(WRITTEN);
        assertThat(pino.level()).isEqualTo(LogLevel.ERROR);
        assertThat(mongo.time()).isEqualTo(WRITTEN.plusMillis(123));
        assertThat(mongo.level()).isEqualTo(LogLevel.WARN);
        assertThat(mongo.message()).isEqualTo("Slow query");
        assertThat(mongo.fields()).containsExactly(entry("c", "NETWORK"), entry("id", "1"), entry("attr", "{\"ms\":250}"));
        assertThat(logback.logger()).isEqualTo("io.x.App");
        assertThat(logback.fields()).containsOnlyKeys("@version", "level_value");
    }

    @Test
    void a_member_that_is_no_time_or_level_and_a_second_message_stay_fields_and_nothing_is_lost() {
        LogLine line = parse("{\"time\":\"yesterday\",\"level\":\"loud\",\"msg\":\"first\",\"message\":\"second\"}");

        assertThat(line.time()).isEqualTo(ENGINE);
        assertThat(line.level()).isNull();
        assertThat(line.message()).isEqualTo("first");
        assertThat(line.fields()).containsExactly(entry("time", "yesterday"), entry("level", "loud"), entry("message", "second"));
    }

    @Test
    void a_json_time_without_a_zone_leaves_the_engine_time_and_a_line_without_message_has_an_empty_one() {
        LogLine line = parse("{\"time\":\"2026-12-03 09:30:23\",\"event\":\"login\"}");

        assertThat(line.time()).isEqualTo(ENGINE);
        assertThat(line.message()).isEmpty();
        assertThat(line.fields()).containsExactly(entry("time", "2026-12-03 09:30:23"), entry("event", "login"));
    }

    @Test
    void a_plain_line_is_its_own_message_at_the_engine_time() {
        LogLine line = parse("GET /status 200");

        assertThat(line.message()).isEqualTo("GET /status 200");
        assertThat(line.raw()).isEqualTo("GET /status 200");
        assertThat(line.time()).isEqualTo(ENGINE);
        assertThat(line.level()).isNull();
        assertThat(line.logger()).isNull();
        assertThat(line.fields()).isEmpty();
    }

    @Test
    void a_plain_line_names_its_level_at_its_start_or_after_a_timestamp_thread_or_logfmt_pairs() {
        assertThat(parse("ERROR something").level()).isEqualTo(LogLevel.ERROR);
        assertThat(parse("2026-12-03 10:00:00,123 WARN [main] x").level()).isEqualTo(LogLevel.WARN);
        assertThat(parse("2026-12-03T10:00:00.123Z  INFO 1 --- [main] io.x.App : Started").level()).isEqualTo(LogLevel.INFO);
        assertThat(parse("10:00:00.123 [main] DEBUG io.x.App - x").level()).isEqualTo(LogLevel.DEBUG);
        assertThat(parse("WARNING:root:disk almost full").level()).isEqualTo(LogLevel.WARN);
        assertThat(parse("2026/12/03 10:00:00 [error] 7#7: *1 open() failed").level()).isEqualTo(LogLevel.ERROR);
        assertThat(parse("time=\"2026-12-03T10:00:00Z\" level=debug msg=x").level()).isEqualTo(LogLevel.DEBUG);
        assertThat(parse("[CRIT] out of memory").level()).isEqualTo(LogLevel.FATAL);
    }

    @Test
    void a_plain_line_whose_first_word_is_no_level_names_none() {
        assertThat(parse("GET /status 200").level()).isNull();
        assertThat(parse("User error: bad input").level()).isNull();
        assertThat(parse("I think so").level()).isNull();
        assertThat(parse("[main] started").level()).isNull();
        assertThat(parse("172.17.0.1 - - [03/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 500").level()).isNull();
        assertThat(parse("").level()).isNull();
    }

    @Test
    void broken_json_is_kept_as_a_plain_line() {
        for (String broken : new String[] {"{\"level\":\"error\",\"message\":\"unterminated", "{\"a\":1} trailing",
                "{\"a\":1}{\"b\":2}", "{", "{\"a\":}", "[1,2]", "{'a':1}"}) {
            LogLine line = parse(broken);
            assertThat(line.message()).as(broken).isEqualTo(broken);
            assertThat(line.raw()).as(broken).isEqualTo(broken);
            assertThat(line.fields()).as(broken).isEmpty();
            assertThat(line.time()).as(broken).isEqualTo(ENGINE);
        }
    }

    @Test
    void odd_input_never_throws() {
        String deep = "{\"a\":" + "[".repeat(5_000);
        for (String odd : new String[] {null, "", "\r\n", "{}", deep, "{\"ts\":1e999999}", "{\"ts\":-5,\"level\":-1}",
                "{\"level\":123456789012345678901234567890,\"time\":123456789012345678901234567890}", "{\"a\":\"\\ud800\"}",
                "{\"" + "k".repeat(100_000) + "\":1}"}) {
            LogLine line = parse(odd);
            assertThat(line).as(String.valueOf(odd)).isNotNull();
        }
        assertThat(parse("{\"level\":123456789012345678901234567890}").fields()).containsOnlyKeys("level");
    }

    @Test
    void a_two_megabyte_line_is_cut_at_one_mebibyte_with_a_marker_and_no_exception() {
        LogLine line = parse("x".repeat(2 * LogLine.MAX_CHARS));

        assertThat(line.truncated()).isTrue();
        assertThat(line.raw()).hasSize(LogLine.MAX_CHARS);
        assertThat(line.message()).startsWith("xxx").endsWith("x \u2026[truncated 1048576 bytes]")
                .hasSize(LogLine.MAX_CHARS + " \u2026[truncated 1048576 bytes]".length());
    }

    @Test
    void a_cut_json_line_keeps_the_time_and_level_read_before_the_cut() {
        LogLine line = parse("{\"time\":\"2026-12-03T09:30:23Z\",\"level\":\"error\",\"message\":\"" + "y".repeat(2 * LogLine.MAX_CHARS) + "\"}");

        assertThat(line.truncated()).isTrue();
        assertThat(line.time()).isEqualTo(WRITTEN);
        assertThat(line.level()).isEqualTo(LogLevel.ERROR);
        assertThat(line.message()).startsWith("{\"time\"").endsWith("]").contains("\u2026[truncated ");
    }

    @Test
    void the_marker_counts_the_cut_off_part_in_utf8_bytes_and_a_cut_never_splits_a_surrogate_pair() {
        LogLine accents = parse("a".repeat(LogLine.MAX_CHARS) + "\u00e9\u00e9\u20ac");
        LogLine emoji = parse("a".repeat(LogLine.MAX_CHARS - 1) + "\ud83d\ude00tail");

        assertThat(accents.message()).endsWith("[truncated 7 bytes]");
        assertThat(emoji.raw()).hasSize(LogLine.MAX_CHARS - 1).endsWith("a");
        assertThat(emoji.message()).endsWith("[truncated 8 bytes]");
    }

    @Test
    void replacement_chars_of_invalid_utf8_pass_through_json_and_plain_lines() {
        LogLine json = parse("{\"level\":\"info\",\"message\":\"caf\ufffd \ufffd\ufffd\",\"who\":\"\ufffd\"}");
        LogLine plain = parse("WARN bad \ufffd\ufffd bytes");

        assertThat(json.level()).isEqualTo(LogLevel.INFO);
        assertThat(json.message()).isEqualTo("caf\ufffd \ufffd\ufffd");
        assertThat(json.fields()).containsExactly(entry("who", "\ufffd"));
        assertThat(plain.level()).isEqualTo(LogLevel.WARN);
        assertThat(plain.message()).isEqualTo("WARN bad \ufffd\ufffd bytes");
    }

    @Test
    void control_characters_but_tab_are_replaced_in_what_is_shown_and_kept_in_raw() {
        String text = "\u001b[31mred\u001b[0m\tnext\rover\u0000\u009b\u202egnirts";
        LogLine plain = parse(text);
        LogLine json = parse("{\"message\":\"a\\u001b[2Jb\",\"logger\":\"x\\u0007\",\"k\\u0000\":\"v\\u0008\"}");

        assertThat(plain.message()).isEqualTo("\ufffd[31mred\ufffd[0m\tnext\ufffdover\ufffd\ufffd\ufffdgnirts");
        assertThat(plain.raw()).isEqualTo(text);
        assertThat(json.message()).isEqualTo("a\ufffd[2Jb");
        assertThat(json.logger()).isEqualTo("x\ufffd");
        assertThat(json.fields()).containsExactly(entry("k\ufffd", "v\ufffd"));
    }

    @Test
    void a_json_message_over_several_lines_and_its_stack_trace_member_become_continuation_lines() {
        LogLine line = parse("{\"level\":\"error\",\"message\":\"failed\\r\\nsecond line\",\"stack_trace\":"
                + "\"java.lang.IllegalStateException: boom\\n\\tat a.B.c(B.java:1)\\n\",\"thread\":\"main\"}");

        assertThat(line.message()).isEqualTo("failed");
        assertThat(line.continuation()).containsExactly("second line", "java.lang.IllegalStateException: boom", "\tat a.B.c(B.java:1)");
        assertThat(line.fields()).containsExactly(entry("thread", "main"));
    }

    @Test
    void a_json_message_of_many_lines_keeps_the_rest_in_its_last_continuation_line() {
        LogLine line = parse("{\"message\":\"" + "x\\n".repeat(500) + "end\"}");

        assertThat(line.continuation()).hasSize(LogLine.MAX_CONTINUATION);
        assertThat(line.continuation().get(LogLine.MAX_CONTINUATION - 1)).startsWith("x\ufffdx\ufffd").endsWith("end");
    }

    @Test
    void a_line_the_engine_stamped_is_at_its_stamp_and_an_unstamped_one_at_the_fallback() {
        Instant fallback = Instant.parse("2026-12-04T00:00:00Z");
        LogLine stamped = LogParser.parseStamped("backend", "2026-12-03T09:30:23.123456789Z GET /status 200", fallback);
        LogLine empty = LogParser.parseStamped("backend", "2026-12-03T09:30:23.123456789Z", fallback);
        LogLine unstamped = LogParser.parseStamped("backend", "GET /status 200", fallback);

        assertThat(stamped.at()).isEqualTo(WRITTEN.plusNanos(123_456_789));
        assertThat(stamped.message()).isEqualTo("GET /status 200");
        assertThat(empty.message()).isEmpty();
        assertThat(unstamped.at()).isEqualTo(fallback);
        assertThat(unstamped.message()).isEqualTo("GET /status 200");
    }

    @Test
    void a_line_break_at_the_end_is_dropped_rather_than_shown() {
        assertThat(parse("hello\r\n").message()).isEqualTo("hello");
        assertThat(parse("{\"msg\":\"hi\"}\r").message()).isEqualTo("hi");
    }
}
