package io.stackkeeper.backup;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's entry to {@link BackupJob}; one run of a plan at a time. Errors are logged, the run records them. */
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
        try {
            if (BackupSchedules.VERIFY_GROUP.equals(context.getJobDetail().getKey().getGroup())) {
                job.verifyNewest(plan);
            } else {
                job.backUp(plan);
            }
        } catch (RuntimeException e) {
            log.error("The scheduled {} of plan {} failed: {}", context.getJobDetail().getKey().getGroup(), plan, e.getMessage(), e);
        }
    }
}
