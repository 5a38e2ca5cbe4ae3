package io.stackkeeper.monitoring;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's entry to {@link ProbeRounds#housekeeping()}: once a second, in a cluster on one portal at a time. */
@DisallowConcurrentExecution
class ProbeRoundQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ProbeRoundQuartzJob.class);

    private final ProbeRounds rounds;

    ProbeRoundQuartzJob(ProbeRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            rounds.housekeeping();
        } catch (RuntimeException e) {
            log.error("The probes' housekeeping failed: {}", e.getMessage(), e);
        }
    }
}
