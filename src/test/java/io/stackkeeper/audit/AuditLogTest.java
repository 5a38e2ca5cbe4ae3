package io.stackkeeper.audit;

import static io.stackkeeper.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@PortalTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    record Probed(String target) implements AuditableEvent {
        public String action() {
            return "test.probed";
        }
    }

    @Test
    void published_events_are_recorded_with_actor_and_pages_of_the_api_add_up() {
        String marker = TestUsers.unique("page");
        for (int i = 0; i < 7; i++) {
            int n = i;
            TestUsers.asAdmin(() -> {
                events.publishEvent(new Probed(marker + "-" + n));
                return null;
            });
        }
        String viewer = TestUsers.create(accounts, "auditor", Role.VIEWER);
        ApiClient api = new ApiClient(port);
        String token = api.tokenFor(viewer, TestUsers.PASSWORD);
        ApiClient.Response first = api.send("GET", "/api/v1/audit?action=test.probed&actor=admin&page=0&size=3", bearer(token), null);
        assertThat(first.status()).isEqualTo(200);
        long total = first.body().get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(7);
        assertThat(first.body().get("items")).hasSize(3);
        assertThat(first.body().get("items").get(0).get("actor").asText()).isEqualTo("admin");
        long lastPage = (total - 1) / 3;
        ApiClient.Response last = api.send("GET", "/api/v1/audit?action=test.probed&page=" + lastPage + "&size=3", bearer(token), null);
        assertThat(last.body().get("items").size()).isEqualTo((int) (total - lastPage * 3));
        assertThat(api.send("GET", "/api/v1/audit?size=100000", bearer(token), null).status()).isEqualTo(400);
        assertThat(api.send("GET", "/api/v1/audit?from=2026-13-01", bearer(token), null).status()).isEqualTo(400);
    }

    @Test
    void the_chain_verifies_and_names_the_entry_someone_altered_in_the_database() {
        TestUsers.asAdmin(() -> {
            events.publishEvent(new Probed("chain"));
            return null;
        });
        assertThat(TestUsers.asAdmin(auditLog::verifyChain).intact()).isTrue();
        Long id = jdbc.queryForObject("select max(id) from audit_entry where action = 'test.probed'", Long.class);
        String actor = jdbc.queryForObject("select actor from audit_entry where id = ?", String.class, id);
        jdbc.update("update audit_entry set actor = 'mallory' where id = ?", id);
        try {
            ChainVerification result = TestUsers.asAdmin(auditLog::verifyChain);
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(id);
        } finally {
            jdbc.update("update audit_entry set actor = ? where id = ?", actor, id);
        }
        assertThat(TestUsers.asAdmin(auditLog::verifyChain).intact()).isTrue();
    }

    @Test
    void deleting_the_newest_entry_in_the_database_is_reported() {
        TestUsers.asAdmin(() -> {
            events.publishEvent(new Probed("tail"));
            return null;
        });
        Long last = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        java.util.Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where id = ?", last);
        String headSeal = jdbc.queryForObject("select seal from audit_chain_head", String.class);
        jdbc.update("delete from audit_entry where id = ?", last);
        try {
            ChainVerification result = TestUsers.asAdmin(auditLog::verifyChain);
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(last);
            assertThat(result.problem()).contains("removed from the end");
            ChainVerification later = TestUsers.asAdmin(auditLog::verifyChain);
            assertThat(later.firstBrokenEntryId()).as("appends after the removal leave the gap visible").isEqualTo(last + 1);
            assertThat(later.problem()).contains("#" + last + " to #" + last + " were removed");
        } finally {
            jdbc.update("delete from audit_entry where id > ?", last - 1);
            jdbc.update("insert into audit_entry (id, occurred_at, actor, action, target, outcome, details, client_address, previous_hash, hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("ID"), row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("ACTION"),
                    row.get("TARGET"), row.get("OUTCOME"), row.get("DETAILS"), row.get("CLIENT_ADDRESS"), row.get("PREVIOUS_HASH"), row.get("HASH"));
            jdbc.update("update audit_chain_head set last_id = ?, last_hash = ?, seal = ?", row.get("ID"), row.get("HASH"), headSeal);
            // the verifications above appended entries after the gap; they were removed with it
        }
        assertThat(TestUsers.asAdmin(auditLog::verifyChain).intact()).isTrue();
    }

    @Test
    void only_admins_verify_and_operators_see_only_their_own_recent_actions() {
        String operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), auditLog::verifyChain))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.VIEWER), auditLog::verifyChain))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(operator, List.of(Role.OPERATOR), () -> auditLog.search(AuditQuery.ALL, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.as(operator, List.of(Role.OPERATOR), () -> accounts.createToken("mine", null, TestUsers.PASSWORD));
        List<AuditRecord> mine = TestUsers.as(operator, List.of(Role.OPERATOR), () -> auditLog.recentVisibleToMe(20));
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(r.actor()).isEqualTo(operator));
    }

    @Test
    void csv_export_has_a_header_and_one_line_per_matching_entry() {
        String marker = TestUsers.unique("csv");
        TestUsers.asAdmin(() -> {
            events.publishEvent(new Probed(marker + ",with comma"));
            return null;
        });
        StringWriter out = new StringWriter();
        TestUsers.asAdmin(() -> {
            auditLog.exportCsv(new AuditQuery("admin", "test.probed", null, null, null), out);
            return null;
        });
        String csv = out.toString();
        assertThat(csv).startsWith("id,time,actor,action,target,outcome,client_address,details\r\n");
        assertThat(csv).contains("\"" + marker + ",with comma\"");
    }
}
