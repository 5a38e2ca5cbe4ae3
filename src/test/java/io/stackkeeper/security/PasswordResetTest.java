package io.stackkeeper.security;

import static io.stackkeeper.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;

/** A new password ends what the old one opened: API tokens and the user's other browser sessions. */
@PortalTest
class PasswordResetTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void an_admin_reset_through_the_api_revokes_the_users_tokens_and_is_checked_like_any_password() {
        ApiClient api = new ApiClient(port);
        String operator = TestUsers.create(accounts, "resettable", Role.OPERATOR);
        String admin = TestUsers.create(accounts, "resetter", Role.ADMIN);
        String token = api.tokenFor(operator, TestUsers.PASSWORD);
        String adminToken = bearer(api.tokenFor(admin, TestUsers.PASSWORD));
        assertThat(api.send("GET", "/api/v1/backups", bearer(token), null).status()).isEqualTo(200);
        String path = "/api/v1/users/" + operator + "/password";

        assertThat(api.send("POST", path, bearer(token), "{\"password\":\"a-new-long-password\"}").status()).isEqualTo(403);
        assertThat(api.send("POST", path, adminToken, "{\"password\":\"short\"}").status()).isEqualTo(400);
        assertThat(api.send("POST", path, adminToken, "{\"password\":\"a-new-long-password\"}").status()).isEqualTo(204);

        assertThat(api.send("GET", "/api/v1/backups", bearer(token), null).status()).isEqualTo(401);
        assertThat(api.tokenFor(operator, "a-new-long-password")).isNotBlank();
        assertThat(api.send("POST", "/api/v1/users/nobody-" + operator + "/password", adminToken, "{\"password\":\"a-new-long-password\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void a_session_opened_with_an_older_password_is_no_longer_current() {
        MockHttpSession other = new MockHttpSession();
        Instant signedInWith = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(SignInSessions.current(other, "ada", signedInWith)).isTrue();
        assertThat(SignInSessions.current(other, "ada", signedInWith)).isTrue();
        assertThat(SignInSessions.current(other, "ada", signedInWith.plusSeconds(60))).as("the password changed since").isFalse();
        assertThat(SignInSessions.current(other, "bob", signedInWith.plusSeconds(99))).as("another user signed in").isTrue();
    }
}
