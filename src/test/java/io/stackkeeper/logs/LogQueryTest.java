package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:30:23Z");

    private static final LogLine HEARTBEAT = json("{\"time\":\"2026-12-03T09:30:23Z\",\"level\":\"info\",\"message\":\"Heartbeat OK\","
            + "\"logger\":\"scheduler\",\"user\":42,\"route\":\"/api/x\",\"note\":\"two words\"}");
    private static final LogLine FAILURE = json("{\"level\":\"error\",\"msg\":\"Request failed\",\"logger\":\"web\","
            + "\"route\":\"/api/orders\",\"stack_trace\":\"java.lang.IllegalStateException: boom\\n\\tat a.B.c(B.java:1)\"}");
    private static final LogLine WARNING = plain("2026-12-03 10:00:00,123 WARN [main] disk at 91%");
    private static final LogLine ACCESS = plain("GET /status 200");

    private static LogLine json(String text) {
        return LogParser.parse("backend", AT, text);
    }

    private static LogLine plain(String text) {
        return LogParser.parse("frontend", AT, text);
    }

    private static List<LogLine> matching(String query) {
        LogQuery filter = LogQuery.parse(query);
        return List.of(HEARTBEAT, FAILURE, WARNING, ACCESS).stream().filter(filter::matches).toList();
    }

    @Test
    void a_blank_filter_lets_every_line_through() {
        assertThat(matching("")).hasSize(4);
        assertThat(matching("   ")).hasSize(4);
        assertThat(LogQuery.parse(null)).isEqualTo(LogQuery.ALL);
    }

    @Test
    void words_are_found_ignoring_case_in_the_message_the_raw_line_or_a_folded_line_and_all_must_be_there() {
        assertThat(matching("heartbeat")).containsExactly(HEARTBEAT);
        assertThat(matching("STATUS")).containsExactly(ACCESS);
        assertThat(matching("scheduler")).containsExactly(HEARTBEAT);
        assertThat(matching("IllegalStateException")).containsExactly(FAILURE);
        assertThat(matching("request boom")).containsExactly(FAILURE);
        assertThat(matching("request heartbeat")).isEmpty();
        assertThat(matching("91%")).containsExactly(WARNING);
    }

    @Test
    void a_quoted_phrase_is_found_with_its_spaces_and_escaped_quotes() {
        assertThat(matching("\"heartbeat ok\"")).containsExactly(HEARTBEAT);
        assertThat(matching("\"heartbeat failed\"")).isEmpty();
        LogLine quoted = plain("said \"hi\" twice");
        assertThat(LogQuery.parse("\"said \\\"hi\\\"\"").matches(quoted)).isTrue();
    }

    @Test
    void a_pattern_between_slashes_is_a_java_regex_case_sensitive_unless_followed_by_i() {
        assertThat(matching("/Heart\\w+ OK/")).containsExactly(HEARTBEAT);
        assertThat(matching("/heart\\w+ ok/")).isEmpty();
        assertThat(matching("/heart\\w+ ok/i")).containsExactly(HEARTBEAT);
        assertThat(matching("/^GET \\/\\w+ 2\\d\\d$/")).containsExactly(ACCESS);
        assertThat(matching("/B\\.java:\\d+/")).containsExactly(FAILURE);
    }

    @Test
    void a_field_term_is_the_exact_value_ignoring_case_or_a_prefix_with_a_star_or_any_value_with_a_star_alone() {
        assertThat(matching("user:42")).containsExactly(HEARTBEAT);
        assertThat(matching("user:4")).isEmpty();
        assertThat(matching("user:4*")).containsExactly(HEARTBEAT);
        assertThat(matching("route:/api")).isEmpty();
        assertThat(matching("route:/api*")).containsExactly(HEARTBEAT, FAILURE);
        assertThat(matching("route:/API/X")).containsExactly(HEARTBEAT);
        assertThat(matching("route:*")).containsExactly(HEARTBEAT, FAILURE);
        assertThat(matching("note:\"two words\"")).containsExactly(HEARTBEAT);
        assertThat(matching("missing:*")).isEmpty();
    }

    @Test
    void container_logger_and_message_are_fields_too() {
        assertThat(matching("container:frontend")).containsExactly(WARNING, ACCESS);
        assertThat(matching("logger:scheduler")).containsExactly(HEARTBEAT);
        assertThat(matching("logger_name:web")).containsExactly(FAILURE);
        assertThat(matching("message:request*")).containsExactly(FAILURE);
    }

    @Test
    void level_terms_compare_levels_and_read_synonyms_and_lines_without_a_level_match_none() {
        assertThat(matching("level:error")).containsExactly(FAILURE);
        assertThat(matching("level:err")).containsExactly(FAILURE);
        assertThat(matching("level>=warn")).containsExactly(FAILURE, WARNING);
        assertThat(matching("level>=WARNING")).containsExactly(FAILURE, WARNING);
        assertThat(matching("level>warn")).containsExactly(FAILURE);
        assertThat(matching("level<=warn")).containsExactly(HEARTBEAT, WARNING);
        assertThat(matching("level<warn")).containsExactly(HEARTBEAT);
        assertThat(matching("severity:info")).containsExactly(HEARTBEAT);
        assertThat(matching("level:*")).containsExactly(HEARTBEAT, FAILURE, WARNING);
    }

    @Test
    void a_minus_keeps_the_lines_a_term_does_not_match() {
        assertThat(matching("-logger:scheduler")).containsExactly(FAILURE, WARNING, ACCESS);
        assertThat(matching("-heartbeat")).containsExactly(FAILURE, WARNING, ACCESS);
        assertThat(matching("-\"heartbeat ok\" -/GET/")).containsExactly(FAILURE, WARNING);
        assertThat(matching("-level:*")).containsExactly(ACCESS);
        assertThat(matching("-level>=warn route:/api*")).containsExactly(HEARTBEAT);
    }

    @Test
    void a_least_level_from_the_page_applies_with_the_typed_terms() {
        LogQuery query = LogQuery.parse("-disk").atLeast(LogLevel.WARN);

        assertThat(List.of(HEARTBEAT, FAILURE, WARNING, ACCESS).stream().filter(query::matches)).containsExactly(FAILURE);
        assertThat(query.minLevel()).isEqualTo(LogLevel.WARN);
    }

    @Test
    void urls_and_times_with_colons_stay_text() {
        LogLine line = plain("fetched http://backend:8080/status at 10:00:01");

        assertThat(LogQuery.parse("http://backend:8080/status").matches(line)).isTrue();
        assertThat(LogQuery.parse("10:00:01").matches(line)).isTrue();
    }

    @Test
    void a_bad_term_is_refused_with_a_message_naming_it() {
        String[][] cases = {
                {"-", "'-'", "minus"},
                {"ok \"open", "'\"open'", "not closed"},
                {"\"\"", "'\"\"'", "empty phrase"},
                {"\"a\"b", "'\"a\"b'", "space after"},
                {"/unclosed", "'/unclosed'", "/like this/"},
                {"//", "'//'", "empty pattern"},
                {"/(/", "'/(/'", "not a valid pattern"},
                {"/" + "a".repeat(501) + "/", "at most 500", "501"},
                {"level>=loud", "'level>=loud'", "unknown level 'loud'"},
                {"level:", "'level:'", "give a level"},
                {"level<trace", "'level<trace'", "below trace"},
                {"level>fatal", "'level>fatal'", "above fatal"},
                {"status>=500", "'status>=500'", "only the level"},
                {"user:", "'user:'", "give a value"},
        };
        for (String[] bad : cases) {
            assertThatThrownBy(() -> LogQuery.parse(bad[0])).as(bad[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad[1]).hasMessageContaining(bad[2]);
        }
    }

    @Test
    void a_nested_repeat_on_a_line_that_almost_matches_ends_at_once() {
        LogLine line = plain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(LogQuery.parse("/(a+)+$/").matches(line)).isFalse());
    }

    @Test
    void a_pattern_that_backtracks_longer_than_50_ms_on_a_line_is_refused_instead_of_holding_the_tail() {
        LogLine line = plain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!");
        LogQuery query = LogQuery.parse("/((a+)+)\\2$/");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> query.matches(line))
                .isInstanceOf(SlowPatternException.class).hasMessageContaining("((a+)+)\\2$").hasMessageContaining("50 ms"));
    }

    @Test
    void terms_are_tested_cheapest_first() {
        LogQuery query = LogQuery.parse("/x/ word user:1 level:info");

        assertThat(query.terms()).extracting(QueryTerm::cost).isSorted();
        assertThat(query.text()).isEqualTo("/x/ word user:1 level:info");
    }
}
