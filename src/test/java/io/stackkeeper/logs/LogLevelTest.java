package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void level_names_are_read_ignoring_case_and_blanks() {
        assertThat(LogLevel.parse("trace")).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevel.parse("DEBUG")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse(" Info ")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("WARN")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("error")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("Fatal")).isEqualTo(LogLevel.FATAL);
    }

    @Test
    void vendors_synonyms_and_short_forms_mean_the_nearest_level() {
        assertThat(LogLevel.parse("warning")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("WRN")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("err")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("SEVERE")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("notice")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("Information")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("fine")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse("finest")).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevel.parse("Verbose")).isEqualTo(LogLevel.TRACE);
        for (String fatal : new String[] {"critical", "CRIT", "panic", "dpanic", "emerg", "emergency", "alert", "FTL"}) {
            assertThat(LogLevel.parse(fatal)).as(fatal).isEqualTo(LogLevel.FATAL);
        }
    }

    @Test
    void mongodb_letters_are_levels() {
        assertThat(LogLevel.parse("I")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("W")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("E")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("F")).isEqualTo(LogLevel.FATAL);
        assertThat(LogLevel.parse("D2")).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void syslog_and_bunyan_numbers_are_levels_and_other_numbers_are_not() {
        assertThat(LogLevel.parse("0")).isEqualTo(LogLevel.FATAL);
        assertThat(LogLevel.parse("3")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("4")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("6")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("7")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.ofNumber(10)).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevel.ofNumber(30)).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.ofNumber(50)).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.ofNumber(60)).isEqualTo(LogLevel.FATAL);
        assertThat(LogLevel.ofNumber(35)).isNull();
        assertThat(LogLevel.ofNumber(-1)).isNull();
        assertThat(LogLevel.ofNumber(Long.MAX_VALUE)).isNull();
        assertThat(LogLevel.parse("300")).isNull();
    }

    @Test
    void unknown_words_blank_and_null_are_no_level() {
        assertThat(LogLevel.parse("loud")).isNull();
        assertThat(LogLevel.parse("")).isNull();
        assertThat(LogLevel.parse(null)).isNull();
        assertThat(LogLevel.parse("informationalish")).isNull();
    }

    @Test
    void levels_are_ordered_from_trace_to_fatal() {
        assertThat(LogLevel.ERROR.atLeast(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.WARN.atLeast(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.INFO.atLeast(LogLevel.WARN)).isFalse();
    }
}
