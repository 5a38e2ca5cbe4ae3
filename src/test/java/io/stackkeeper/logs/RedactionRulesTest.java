package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionRulesTest {

    @Test
    void every_rule_replaces_each_of_its_matches() {
        RedactionRules rules = RedactionRules.of(List.of("token=\\w+", "\\d{4}-\\d{4}-\\d{4}-\\d{4}"));
        assertThat(rules.apply("token=abc card 1234-5678-9012-3456 token=def"))
                .isEqualTo("[redacted] card [redacted] [redacted]");
        assertThat(RedactionRules.NONE.apply("token=abc")).isEqualTo("token=abc");
    }

    @Test
    void a_replacement_is_literal_even_where_a_group_reference_could_be_read() {
        assertThat(RedactionRules.of(List.of("(secret)")).apply("a secret $1")).isEqualTo("a [redacted] $1");
    }

    @Test
    void invalid_empty_too_long_or_too_many_rules_are_refused_with_a_reason() {
        assertThatThrownBy(() -> RedactionRules.of(List.of("(unclosed"))).hasMessageContaining("not a valid pattern");
        assertThatThrownBy(() -> RedactionRules.of(List.of(""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> RedactionRules.of(List.of("a".repeat(501)))).hasMessageContaining("at most 500");
        assertThatThrownBy(() -> RedactionRules.of(java.util.Collections.nCopies(51, "a"))).hasMessageContaining("At most 50");
    }
}
