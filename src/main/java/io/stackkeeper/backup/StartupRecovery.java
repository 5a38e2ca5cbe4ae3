package io.stackkeeper.backup;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.security.SystemActor;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the last stop left behind: interrupted runs and restores, plans Quartz no longer holds, the default plan. */
@Component
record StartupRecovery(BackupPlanRepository plans, BackupRunner runner, Restores restores,
        PlanBook planBook) implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    /**
     * Before Quartz starts (and fires what was missed while the portal was down): runs the last stop interrupted are
     * marked FAILED and their partial folders removed, so that a missed run of the same plan is not refused as
     * "already running"; restores it interrupted are marked too.
     */
    @Override
    public void afterSingletonsInstantiated() {
        SystemActor.run(() -> {
            List<Path> targets = plans.findAll().stream().map(plan -> plan.settings().targetPath()).distinct().toList();
            List<String> interrupted = runner.recoverInterrupted(targets);
            if (!interrupted.isEmpty()) {
                log.warn("Backup runs interrupted by the last stop, now FAILED: {}", interrupted);
            }
            restores.markInterrupted();
        });
    }

    /** Repairs what interrupted restores left, schedules plans Quartz no longer holds, and creates the default plan. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        DaemonThreads.named("restore-repair").newThread(restores::repairInterrupted).start();
        SystemActor.run(planBook::scheduleAndEnsureDefault);
    }
}
