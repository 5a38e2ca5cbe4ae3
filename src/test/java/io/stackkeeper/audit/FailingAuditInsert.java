package io.stackkeeper.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that makes inserts into the audit chain fail while {@link #failing} is set: a full disk, say. */
public class FailingAuditInsert implements Trigger {

    static volatile boolean failing;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (failing) {
            throw new SQLException("No space left on device (simulated)");
        }
    }
}
