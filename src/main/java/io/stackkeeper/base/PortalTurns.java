package io.stackkeeper.base;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns that the portals sharing the database take one at a time: a row of {@code portal_turn} locked until the
 * transaction that took it ends. Within one portal the same lock orders its threads too.
 */
@Component
public class PortalTurns {

    /** Claiming the stack ({@code stack.StackClaims}). */
    public static final String STACK_CLAIMS = "stack-claims";
    /** Appending to the audit trail's chain. */
    public static final String AUDIT_CHAIN = "audit-chain";

    private final JdbcTemplate jdbc;

    PortalTurns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the turn and holds it until the running transaction ends. */
    public void take(String turn) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A turn is held by a transaction: take " + turn + " inside one.");
        }
        if (jdbc.queryForList("SELECT name FROM portal_turn WHERE name = ? FOR UPDATE", String.class, turn).isEmpty()) {
            throw new IllegalStateException("There is no turn " + turn + " in portal_turn.");
        }
    }
}
