package io.stackkeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The trail loses nothing (a failed insert, a rolled-back action) and resists someone who can write the database. */
@PortalTest
class AuditHardeningTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    record Noted(String target) implements AuditableEvent {
        public String action() {
            return "test.noted";
        }
    }

    record Verbose(String target, String text) implements AuditableEvent {
        public String action() {
            return "test.verbose";
        }

        public Map<String, Object> details() {
            return Map.of("text", text);
        }
    }

    private long entriesFor(String target) {
        return jdbc.queryForObject("select count(*) from audit_entry where target = ?", Long.class, target);
    }

    @Test
    void an_audit_insert_that_fails_keeps_the_entry_in_the_outbox_and_it_arrives_later_with_the_chain_intact() {
        jdbc.execute("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entry FOR EACH ROW CALL \"" + FailingAuditInsert.class.getName() + "\"");
        String user;
        try {
            FailingAuditInsert.failing = true;
            user = TestUsers.create(accounts, "created-while-disk-full", Role.VIEWER);
            assertThat(entriesFor(user)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_outbox where target = ?", Long.class, user)).isEqualTo(1);
        } finally {
            FailingAuditInsert.failing = false;
            jdbc.execute("DROP TRIGGER fail_audit");
        }

        auditLog.chainWaiting();

        assertThat(entriesFor(user)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_outbox", Long.class)).isZero();
        assertThat(TestUsers.asAdmin(auditLog::verifyChain).intact()).isTrue();
    }

    @Test
    void an_action_whose_transaction_rolls_back_leaves_no_entry() {
        String target = TestUsers.unique("rolled-back");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new Noted(target));
            status.setRollbackOnly();
        });
        auditLog.chainWaiting();
        assertThat(entriesFor(target)).isZero();
    }

    @Test
    void an_entry_edited_in_the_database_with_a_recomputed_plain_hash_is_detected() {
        String target = TestUsers.unique("forged");
        TestUsers.asAdmin(() -> {
            events.publishEvent(new Noted(target));
            return null;
        });
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash, seal from audit_chain_head");
        Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where target = ?", target);
        long id = ((Number) row.get("ID")).longValue();
        assertThat(((Number) head.get("LAST_ID")).longValue()).as("the forged entry is the last one").isEqualTo(id);
        try {
            jdbc.update("update audit_entry set actor = 'mallory' where id = ?", id);
            AuditEntry forged = jdbc.queryForObject("select * from audit_entry where id = ?", (rs, n) -> new AuditEntry(rs.getLong("id"),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                    io.stackkeeper.base.Outcome.valueOf(rs.getString("outcome")), rs.getString("details"), rs.getString("client_address"),
                    rs.getString("previous_hash"), rs.getString("hash")), id);
            String recomputed = AuditChain.plainHash(forged.previousHash(), AuditChain.content(forged));
            jdbc.update("update audit_entry set hash = ? where id = ?", recomputed, id);
            jdbc.update("update audit_chain_head set last_hash = ?", recomputed);

            ChainVerification result = TestUsers.asAdmin(auditLog::verifyChain);

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenEntryId()).isEqualTo(id);
        } finally {
            jdbc.update("delete from audit_entry where id > ?", id);
            jdbc.update("update audit_entry set actor = ?, hash = ? where id = ?", row.get("ACTOR"), row.get("HASH"), id);
            jdbc.update("update audit_chain_head set last_id = ?, last_hash = ?, seal = ?", id, row.get("HASH"), head.get("SEAL"));
        }
    }

    @Test
    void appends_while_the_chain_is_verified_never_report_a_false_break() throws Exception {
        CompletableFuture<Void> appending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 150; i++) {
                TestUsers.asAdmin(() -> {
                    events.publishEvent(new Noted("concurrent"));
                    return null;
                });
            }
        });
        List<ChainVerification> results = new java.util.ArrayList<>();
        while (!appending.isDone()) {
            results.add(TestUsers.asAdmin(auditLog::verifyChain));
        }
        appending.get();
        results.add(TestUsers.asAdmin(auditLog::verifyChain));
        assertThat(results).allSatisfy(result -> assertThat(result.intact()).as(result.problem()).isTrue());
    }

    @Test
    void over_long_details_are_cut_after_escaping_and_the_entry_is_still_written_as_valid_json() throws Exception {
        String target = TestUsers.unique("verbose");
        TestUsers.asAdmin(() -> {
            events.publishEvent(new Verbose(target, "\"\\\n".repeat(7_000)));
            return null;
        });
        String details = jdbc.queryForObject("select details from audit_entry where target = ?", String.class, target);
        assertThat(details.length()).isLessThanOrEqualTo(8_000);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(details).get("truncated").asBoolean()).isTrue();
    }
}
