package io.stackkeeper.monitoring;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's entry to {@link ProbeRounds#round()}: one round at a time, in a cluster on one instance. */
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
            rounds.round();
        } catch (RuntimeException e) {
            log.error("A round of probes failed: {}", e.getMessage(), e);
        }
    }
}
