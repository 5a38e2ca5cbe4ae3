package io.stackkeeper.base;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns that the portals sharing the database take one at a time: a row of {@code portal_turn} locked until the
 * transaction that took it ends. Within one portal the same lock orders its threads too. A turn is waited for at most
 * {@value #WAIT_SECONDS} s (PostgreSQL's {@code lock_timeout}; H2's own lock timeout), so that a portal that holds it
 * long never holds up the other's threads and connections.
 */
@Component
public class PortalTurns {

    /** Claiming the stack ({@code stack.StackClaims}). */
    public static final String STACK_CLAIMS = "stack-claims";
    /** Appending to the audit trail's chain. */
    public static final String AUDIT_CHAIN = "audit-chain";
    static final int WAIT_SECONDS = 5;

    /** The turn was not free within the wait: another portal (or thread) holds it. */
    public static class BusyException extends IllegalStateException {
        BusyException(String turn, Throwable cause) {
            super("The turn " + turn + " is held elsewhere: try again.", cause);
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    PortalTurns(JdbcTemplate jdbc, DataSourceProperties database) {
        this.jdbc = jdbc;
        this.postgres = database.determineUrl() != null && DatabaseDriver.fromJdbcUrl(database.determineUrl()) == DatabaseDriver.POSTGRESQL;
    }

    /** Waits for the turn (a few seconds at most) and holds it until the running transaction ends. */
    public void take(String turn) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A turn is held by a transaction: take " + turn + " inside one.");
        }
        try {
            if (postgres) {
                jdbc.execute("SET LOCAL lock_timeout = '" + WAIT_SECONDS + "s'");
            }
            if (jdbc.queryForList("SELECT name FROM portal_turn WHERE name = ? FOR UPDATE", String.class, turn).isEmpty()) {
                throw new IllegalStateException("There is no turn " + turn + " in portal_turn.");
            }
        } catch (DataAccessException e) {
            throw new BusyException(turn, e);
        }
    }
}
