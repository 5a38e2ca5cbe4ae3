package io.stackkeeper.monitoring;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz trigger for the probes' housekeeping (notifications, purges), firing every second on one portal of a
 * cluster at a time: the job store holds one row, not one per probe. A firing missed while the portals were busy or
 * down is dropped, not caught up.
 */
@Component
record ProbeRoundSchedule(Scheduler scheduler) {

    static final JobKey JOB = JobKey.jobKey("probe-rounds", "monitoring");

    @EventListener(ApplicationReadyEvent.class)
    void ensure() throws SchedulerException {
        if (scheduler.checkExists(JOB)) {
            return;
        }
        JobDetail job = JobBuilder.newJob(ProbeRoundQuartzJob.class).withIdentity(JOB).storeDurably(false).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("probe-rounds", "monitoring").forJob(job).startNow()
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1).withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException anotherInstanceWasFirst) {
            // two portals on one database started together: one trigger is what both want
        }
    }
}
