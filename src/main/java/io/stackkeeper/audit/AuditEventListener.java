package io.stackkeeper.audit;

import io.stackkeeper.base.AuditableEvent;
import org.springframework.stereotype.Component;
import io.stackkeeper.base.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;

/**
 * Records every {@link AuditableEvent} as it is published, in the publisher's transaction (see {@link AuditLog#record});
 * chains what an earlier stop or failure left waiting before the portal takes requests, and every half minute.
 */
@Component
class AuditEventListener implements SmartInitializingSingleton {

    private final AuditLog auditLog;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("audit-outbox"));

    AuditEventListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(AuditableEvent event) {
        auditLog.record(event);
    }

    @Override
    public void afterSingletonsInstantiated() {
        auditLog.chainWaiting();
        retry.scheduleWithFixedDelay(auditLog::chainWaiting, 30, 30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        retry.shutdownNow();
    }
}
