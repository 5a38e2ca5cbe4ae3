package io.stackkeeper.backup;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz's entry to {@link BackupJob}; one run of a plan at a time. Errors are logged, the run records them. A firing
 * recovered from a portal that stopped runs on another portal, but not a third time in a row (a crash loop).
 */
@DisallowConcurrentExecution
class BackupQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(BackupQuartzJob.class);

    private final BackupJob job;

    BackupQuartzJob(BackupJob job) {
        this.job = job;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String plan = context.getMergedJobDataMap().getString(BackupSchedules.PLAN);
        boolean verify = BackupSchedules.VERIFY_GROUP.equals(context.getJobDetail().getKey().getGroup());
        if (!verify && context.isRecovering() && job.portalsStoppedTwiceInARow(plan)) {
            log.error("The firing of plan {} that a stopped portal left is not run again: its last two runs each ended with their portal,"
                    + " and a backup that stops portals must not stop them all. The next scheduled firing runs as usual.", plan);
            return;
        }
        try {
            if (verify) {
                job.verifyNewest(plan);
            } else {
                job.backUp(plan);
            }
        } catch (RuntimeException e) {
            log.error("The scheduled {} of plan {} failed: {}", context.getJobDetail().getKey().getGroup(), plan, e.getMessage(), e);
        }
    }
}
