package io.stackkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_password_of_twelve_characters_that_is_not_the_username_is_accepted() {
        assertThat(PasswordPolicy.violation("alice", "twelve-chars")).isEmpty();
    }

    @Test
    void a_short_password_is_refused_with_the_minimum_length_in_the_message() {
        assertThat(PasswordPolicy.violation("alice", "elevenchars")).hasValueSatisfying(reason ->
                assertThat(reason).contains("at least 12 characters"));
    }

    @Test
    void the_username_as_password_is_refused_whatever_its_case() {
        assertThat(PasswordPolicy.violation("operator.jane", "OPERATOR.JANE")).hasValue("The password must not be the username.");
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_instead_of_silently_cut() {
        assertThat(PasswordPolicy.violation("alice", "x".repeat(73))).hasValueSatisfying(reason ->
                assertThat(reason).contains("at most 72 bytes"));
    }

    @Test
    void twelve_spaces_are_not_a_password() {
        assertThat(PasswordPolicy.violation("alice", " ".repeat(12))).isPresent();
    }

    @Test
    void check_throws_the_reason_as_a_password_refusal() {
        assertThatThrownBy(() -> PasswordPolicy.check("bob", "short"))
                .isInstanceOf(PasswordRefusedException.class)
                .hasMessageContaining("too short");
    }
}
