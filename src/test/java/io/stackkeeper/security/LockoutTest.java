package io.stackkeeper.security;

import static io.stackkeeper.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.audit.AuditRecord;
import io.stackkeeper.base.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class LockoutTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog auditLog;

    @Test
    void five_failed_sign_ins_lock_the_username_even_for_the_right_password_and_are_audited() {
        ApiClient api = new ApiClient(port);
        String name = TestUsers.create(accounts, "locked", Role.OPERATOR);
        for (int i = 0; i < 4; i++) {
            ApiClient.Response wrong = api.send("POST", "/api/v1/tokens", basic(name, "wrong-password-" + i), null);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body().get("detail").asText()).contains("Incorrect username or password");
        }
        ApiClient.Response fifth = api.send("POST", "/api/v1/tokens", basic(name, "wrong-password-5"), null);
        assertThat(fifth.body().get("detail").asText()).contains("locked for 15 minutes");

        ApiClient.Response right = api.send("POST", "/api/v1/tokens", basic(name, TestUsers.PASSWORD), null);
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body().get("detail").asText()).contains("locked for 15 minutes");

        List<AuditRecord> trail = TestUsers.asAdmin(() -> auditLog.search(new AuditQuery(null, "login.", null, null, null), 0, 500).items())
                .stream().filter(r -> name.equals(r.target())).toList();
        assertThat(trail).extracting(AuditRecord::action).contains("login.locked").filteredOn(a -> a.equals("login.failed")).hasSize(6);
        assertThat(trail).filteredOn(r -> r.action().equals("login.locked")).first()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.DENIED))
                .satisfies(r -> assertThat(r.clientAddress()).isEqualTo("127.0.0.1"));
    }

    @Test
    void an_unknown_username_is_locked_with_the_same_message() {
        ApiClient api = new ApiClient(port);
        String ghost = TestUsers.unique("ghost");
        ApiClient.Response last = null;
        for (int i = 0; i < 6; i++) {
            last = api.send("POST", "/api/v1/tokens", basic(ghost, "whatever-password"), null);
        }
        assertThat(last.body().get("detail").asText()).contains("locked for 15 minutes");
    }
}
