package io.stackkeeper.audit;

import io.stackkeeper.base.AuditableEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records every {@link AuditableEvent} once the publisher's transaction has committed (or at once without one). */
@Component
class AuditEventListener {

    private final AuditLog auditLog;

    AuditEventListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AuditableEvent event) {
        auditLog.append(event);
    }
}
