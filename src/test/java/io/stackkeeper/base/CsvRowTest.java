package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvRowTest {

    @Test
    void fields_with_commas_quotes_or_newlines_are_quoted_and_quotes_doubled() {
        assertThat(CsvRow.of("a", "b,c", "say \"hi\"", "two\nlines", null))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    @Test
    void values_that_a_spreadsheet_would_run_as_formulas_are_defused() {
        assertThat(CsvRow.of("=HYPERLINK(\"x\")", "-1")).startsWith("\"'=HYPERLINK(").contains(",'-1");
    }

    @Test
    void a_leading_tab_or_carriage_return_is_defused_too() {
        assertThat(CsvRow.of("\t=cmd", "\r=cmd")).isEqualTo("'\t=cmd,\"'\r=cmd\"\r\n");
    }
}
