package io.stackkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final LoginAttempts attempts = new LoginAttempts(clock);

    @Test
    void five_failures_within_fifteen_minutes_lock_the_username() {
        for (int i = 0; i < 4; i++) {
            assertThat(attempts.failed("alice")).isFalse();
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(attempts.failed("alice")).isTrue();
        assertThat(attempts.isLocked("alice")).isTrue();
        assertThat(attempts.isLocked("ALICE ")).as("the same username in another case").isTrue();
        assertThat(attempts.isLocked("bob")).isFalse();
    }

    @Test
    void the_lock_ends_after_fifteen_minutes() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("alice");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempts.isLocked("alice")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(attempts.isLocked("alice")).isFalse();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("alice");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(attempts.failed("alice")).isFalse();
        assertThat(attempts.isLocked("alice")).isFalse();
    }

    @Test
    void a_success_clears_earlier_failures() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("alice");
        }
        attempts.succeeded("alice");
        assertThat(attempts.failed("alice")).isFalse();
    }

    @Test
    void unknown_usernames_are_locked_like_existing_ones() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("nobody-here");
        }
        assertThat(attempts.isLocked("nobody-here")).isTrue();
    }

    @Test
    void look_alike_spellings_and_oversized_names_share_one_budget_instead_of_getting_their_own() {
        assertThat(LoginAttempts.canonical(" Admin ")).isEqualTo("admin");
        assertThat(LoginAttempts.canonical("adm\u0131n")).isEqualTo(LoginAttempts.NOT_A_USERNAME);
        assertThat(LoginAttempts.canonical("x".repeat(100))).isEqualTo(LoginAttempts.NOT_A_USERNAME);
        for (int i = 0; i < 5; i++) {
            attempts.failed("adm\u0131n-" + i);
        }
        assertThat(attempts.isLocked("\u017Fomething")).isTrue();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
