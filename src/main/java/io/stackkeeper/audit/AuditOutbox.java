package io.stackkeeper.audit;

import io.stackkeeper.base.Outcome;
import io.stackkeeper.base.PortalTurns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Audited events waiting to be chained: written in the same transaction as the action they record (so a rolled-back
 * action leaves none, and a committed one cannot lose its entry), and removed in the transaction that chains them.
 */
@Component
class AuditOutbox {

    /** One event, rendered: what the chain will hold. */
    record Pending(long id, Instant occurredAt, String actor, String action, String target, Outcome outcome, String details,
            String clientAddress) {
    }

    private final JdbcTemplate jdbc;

    private final PortalTurns turns;

    AuditOutbox(DataSource dataSource, PortalTurns turns) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.turns = turns;
    }

    /**
     * Takes the chain's turn for the running transaction: other portals on the database append to the chain too, so
     * the oldest waiting entry is read, appended and removed only in one's turn.
     */
    void takeChainTurn() {
        turns.take(PortalTurns.AUDIT_CHAIN);
    }

    /** In the caller's transaction, if it has one. */
    void add(Instant occurredAt, String actor, String action, String target, Outcome outcome, String details, String clientAddress) {
        jdbc.update("INSERT INTO audit_outbox (occurred_at, actor, action, target, outcome, details, client_address) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(occurredAt), actor, action, target, outcome.name(), details, clientAddress);
    }

    Optional<Pending> oldest() {
        List<Pending> rows = jdbc.query("SELECT id, occurred_at, actor, action, target, outcome, details, client_address "
                + "FROM audit_outbox ORDER BY id FETCH FIRST 1 ROWS ONLY", (row, n) -> new Pending(row.getLong(1),
                row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4), row.getString(5), Outcome.valueOf(row.getString(6)),
                row.getString(7), row.getString(8)));
        return rows.stream().findFirst();
    }

    void remove(long id) {
        jdbc.update("DELETE FROM audit_outbox WHERE id = ?", id);
    }

    long waiting() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_outbox", Long.class);
        return count == null ? 0 : count;
    }
}
