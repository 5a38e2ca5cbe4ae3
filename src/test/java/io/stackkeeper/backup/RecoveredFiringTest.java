package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.PortalTest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.impl.JobDetailImpl;
import org.springframework.beans.factory.annotation.Autowired;

/** A firing that a stopped portal left runs on another portal, but not when the plan's last two runs each ended with their portal. */
@PortalTest
class RecoveredFiringTest {

    @Autowired
    BackupRunRepository runs;

    @Autowired
    BackupJob job;

    private void run(String plan, String id, RunStatus status, String error, String portal, long minutesAgo) {
        BackupRun run = new BackupRun();
        run.id = id;
        run.planName = plan;
        run.trigger = BackupReason.SCHEDULE;
        run.actor = "system";
        run.status = status;
        run.error = error;
        run.portalInstance = portal;
        run.startedAt = Instant.now().minusSeconds(60 * minutesAgo);
        runs.save(run);
    }

    private static JobExecutionContext recovered(String plan) {
        JobDetailImpl detail = new JobDetailImpl();
        detail.setKey(JobKey.jobKey(plan, BackupSchedules.BACKUP_GROUP));
        JobDataMap data = new JobDataMap();
        data.put(BackupSchedules.PLAN, plan);
        return (JobExecutionContext) Proxy.newProxyInstance(JobExecutionContext.class.getClassLoader(), new Class<?>[] {JobExecutionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isRecovering" -> true;
                    case "getMergedJobDataMap" -> data;
                    case "getJobDetail" -> (JobDetail) detail;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void a_recovered_firing_is_not_run_a_third_time_after_two_runs_ended_with_their_portals() throws Exception {
        run("looping", "20261204-looping-0", RunStatus.SUCCEEDED, null, "earlier", 30);
        run("looping", "20261204-looping-1", RunStatus.FAILED, BackupJob.PORTAL_STOPPED + " running it (a) stopped; another took over the plan.", "a", 20);
        run("looping", "20261204-looping-2", RunStatus.RUNNING, null, "b-stopped-checking-in", 10);

        assertThat(job.portalsStoppedTwiceInARow("looping")).isTrue();
        new BackupQuartzJob(job).executeInternal(recovered("looping"));

        assertThat(runs.findTop2ByPlanNameAndImportedFalseOrderByStartedAtDesc("looping")).extracting(r -> r.id)
                .containsExactly("20261204-looping-2", "20261204-looping-1");
    }

    @Test
    void one_run_that_ended_with_its_portal_lets_the_recovered_firing_run() {
        run("once", "20261204-once-0", RunStatus.SUCCEEDED, null, "earlier", 30);
        run("once", "20261204-once-1", RunStatus.RUNNING, null, "a-stopped-checking-in", 10);

        assertThat(job.portalsStoppedTwiceInARow("once")).isFalse();
    }
}
