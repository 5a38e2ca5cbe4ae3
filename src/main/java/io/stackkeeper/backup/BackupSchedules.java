package io.stackkeeper.backup;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * A plan's schedules in Quartz's JDBC store, so they survive restarts: one job for its backups and, when the plan
 * has one, one for verifying its newest set. A run missed while the portal was down fires once at the next start.
 */
@Component
record BackupSchedules(Scheduler scheduler) {

    static final String BACKUP_GROUP = "backup";
    static final String VERIFY_GROUP = "backup-verify";
    static final String PLAN = "plan";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BackupSchedules.class);

    /** Replaces the plan's jobs and triggers by ones matching its settings; a disabled plan has none. */
    void schedule(BackupPlanSettings plan) {
        unschedule(plan.name());
        if (!plan.enabled()) {
            return;
        }
        add(plan.name(), BACKUP_GROUP, plan.cron());
        if (plan.verifyCron() != null && !plan.verifyCron().isBlank()) {
            add(plan.name(), VERIFY_GROUP, plan.verifyCron());
        }
    }

    void unschedule(String plan) {
        try {
            scheduler.deleteJob(JobKey.jobKey(plan, BACKUP_GROUP));
            scheduler.deleteJob(JobKey.jobKey(plan, VERIFY_GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("The schedule of plan '" + plan + "' could not be removed: " + e.getMessage(), e);
        }
    }

    /** The trigger of the plan's backups, or {@code null} when it has none. */
    CronTrigger backupTrigger(String plan) {
        try {
            return (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(plan, BACKUP_GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(String plan, String group, String cron) {
        if (new CronSchedule(cron).nextRuns(java.time.Instant.now(), 1).isEmpty()) {
            log.info("The schedule '{}' of plan '{}' ({}) never fires again: nothing to schedule.", cron, plan, group);
            return;
        }
        // a firing whose portal died mid-run is run again by another portal on the database (or by this one at its restart)
        JobDetail job = JobBuilder.newJob(BackupQuartzJob.class).withIdentity(plan, group).usingJobData(PLAN, plan).storeDurably(false)
                .requestRecovery(BACKUP_GROUP.equals(group)).build();
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(plan, group).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("The schedule of plan '" + plan + "' could not be stored: " + e.getMessage(), e);
        }
    }
}
