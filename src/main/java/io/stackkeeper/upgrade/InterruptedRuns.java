package io.stackkeeper.upgrade;

import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.base.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the web server takes requests: takes the newest uploaded catalog, and marks upgrades that were running when
 * the portal stopped (started before this portal did) as failed, so nobody sees an interrupted upgrade as RUNNING.
 */
@Component
class InterruptedRuns implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final UpgradeRequestRepository requests;
    private final Catalogs catalogs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Instant bootedAt;
    private final PortalInstances instances;

    InterruptedRuns(UpgradeRequestRepository requests, Catalogs catalogs, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, PortalInstances instances) {
        this.requests = requests;
        this.instances = instances;
        this.catalogs = catalogs;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.bootedAt = clock.instant();
    }

    @Override
    public void afterSingletonsInstantiated() {
        catalogs.useNewestUpload();
        recover();
    }

    /**
     * Marks each upgrade that started before this portal and still says RUNNING as failed at the step it was in, unless
     * another portal that still checks in runs it.
     */
    void recover() {
        List<UpgradeEvents.UpgradeFinished> interrupted = new ArrayList<>();
        ownTransaction.executeWithoutResult(tx -> requests.findByStatus(RequestStatus.RUNNING).stream()
                .filter(request -> request.startedAt == null || request.startedAt.isBefore(bootedAt))
                .filter(request -> !instances.another(request.portalInstance))
                .forEach(request -> interrupted.add(markFailed(request))));
        interrupted.forEach(events::publishEvent);
    }

    private UpgradeEvents.UpgradeFinished markFailed(UpgradeRequest request) {
        String at = request.steps.stream().filter(step -> step.state() == RolloutStep.State.RUNNING).map(RolloutStep::title).findFirst()
                .orElse("between steps");
        request.steps.replaceAll(step -> switch (step.state()) {
            case RUNNING -> step.ended(RolloutStep.State.FAILED, clock.instant(), "Interrupted: the portal stopped.");
            case PENDING -> step.skipped("Not run: the portal stopped.");
            default -> step;
        });
        request.status = RequestStatus.FAILED;
        request.finishedAt = clock.instant();
        request.failedStep = at;
        request.outcome = "Interrupted: the portal stopped while this upgrade ran (" + at + "). Check the running versions on the"
                + " Stack page" + (request.backupId == null ? "." : "; the pre-upgrade backup is " + request.backupId + ".");
        log.warn("Upgrade {} was interrupted by a stop of the portal.", request.id);
        return new UpgradeEvents.UpgradeFinished(request.id, request.status, request.outcome, request.backupId, "system");
    }
}
