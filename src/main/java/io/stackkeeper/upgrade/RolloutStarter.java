package io.stackkeeper.upgrade;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.StackClaim;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts an approved upgrade: claims the stack alone, records the images running now (to roll back to exactly them),
 * and hands the rollout to its own thread; at shutdown a running rollout may end first.
 */
@Component
class RolloutStarter {

    private static final Logger log = LoggerFactory.getLogger(RolloutStarter.class);

    private final StackService stack;
    private final UpgradeRequestRepository requests;
    private final UpgradeRequests upgradeRequests;
    private final PlanningFacts planning;
    private final Catalogs catalogs;
    private final UpgradeRollout rollout;
    private final UpgradeProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final PortalInstances instances;
    private final ExecutorService work = Executors.newSingleThreadExecutor(DaemonThreads.named("upgrade-run"));

    RolloutStarter(StackService stack, UpgradeRequestRepository requests, UpgradeRequests upgradeRequests, PlanningFacts planning,
            Catalogs catalogs, UpgradeRollout rollout, UpgradeProperties properties, Clock clock, PlatformTransactionManager transactions,
            PortalInstances instances) {
        this.stack = stack;
        this.instances = instances;
        this.requests = requests;
        this.upgradeRequests = upgradeRequests;
        this.planning = planning;
        this.catalogs = catalogs;
        this.rollout = rollout;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = Transactions.requiresNew(transactions);
    }

    UpgradeRequestRecord start(long id) {
        upgradeRequests.whyNotStartable(id).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        UpgradeRequestRecord approved = upgradeRequests.find(id).orElseThrow();
        StackClaim claim = stack.claim("the upgrade to " + approved.to() + " (request " + id + ")", true);
        try {
            UpgradeRequestRecord running = markRunning(id, approved);
            rollout.tell(running);
            hand(id, claim, running);
            return running;
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    private UpgradeRequestRecord markRunning(long id, UpgradeRequestRecord approved) {
        ContainerFacts backend = stack.container(StackPart.BACKEND);
        ContainerFacts frontend = stack.container(StackPart.FRONTEND);
        if (backend.imageId() == null || frontend.imageId() == null) {
            throw new IllegalStateException("The engine does not report the image IDs of the running containers: without them"
                    + " a failed upgrade could not be rolled back exactly, so it does not start.");
        }
        List<RolloutStep> steps = UpgradeRollout.titles(planning.plan(approved.toBackend(), approved.toFrontend())).stream().map(RolloutStep::pending).toList();
        String actor = RequestOrigin.actor();
        return ownTransaction.execute(tx -> {
            UpgradeRequest request = requests.findById(id).orElseThrow();
            if (request.status != RequestStatus.APPROVED) {
                throw new IllegalStateException("Request " + id + " is " + request.status + ": only an approved request can start.");
            }
            request.status = RequestStatus.RUNNING;
            request.startedBy = actor;
            request.portalInstance = instances.mine();
            request.startedAt = clock.instant();
            request.fromBackendImage = backend.image();
            request.fromBackendImageId = backend.imageId();
            request.fromFrontendImage = frontend.image();
            request.fromFrontendImageId = frontend.imageId();
            request.steps.clear();
            request.steps.addAll(steps);
            return requests.save(request).record();
        });
    }

    private void hand(long id, StackClaim claim, UpgradeRequestRecord running) {
        try {
            work.execute(() -> {
                try (claim) {
                    SystemActor.run(() -> rollout.run(id, claim, () -> planning.plan(running.toBackend(), running.toFrontend()),
                            plan -> PlanFingerprint.of(catalogs.inUse(), plan)));
                }
            });
        } catch (RejectedExecutionException e) {
            ownTransaction.executeWithoutResult(tx -> requests.findById(id).ifPresent(request -> {
                request.status = RequestStatus.APPROVED;
                request.steps.clear();
            }));
            throw new IllegalStateException("The portal is shutting down: the upgrade did not start.");
        }
    }

    /**
     * Lets a running upgrade end (or roll back) before the portal stops, within the time its steps may take; only then
     * interrupts it. An interrupted upgrade is marked failed at the next start.
     */
    @PreDestroy
    void shutdown() throws InterruptedException {
        work.shutdown();
        Duration patience = properties.stopGrace().multipliedBy(4).plus(properties.healthTimeout().multipliedBy(2));
        if (!work.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("An upgrade still runs after {} s; the portal stops anyway.", patience.toSeconds());
            work.shutdownNow();
        }
    }
}
