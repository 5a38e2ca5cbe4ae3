package io.stackkeeper.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How probes run and how long their results are kept.
 *
 * @param rawRetention how long raw results are kept ({@code STACKKEEPER_MONITORING_RAW_RETENTION}, default 24 h)
 * @param minuteRetention how long one-minute aggregates are kept (default 14 days)
 * @param hourRetention how long one-hour aggregates are kept (default 400 days)
 * @param workers probes that may run at the same time; one that hangs holds one worker until its timeout (default 32)
 * @param createProbes whether the vendor page's checks are created from the stack settings (default true)
 * @param flapLowPercent below this weighted state-change percent a flapping probe settles (Nagios' low threshold)
 * @param flapHighPercent above this a probe is flapping (Nagios' high threshold)
 * @param reminderPeriod how often an alert that stays bad is sent again (default 15 min)
 * @param mailFrom the sender of alert emails ({@code STACKKEEPER_MONITORING_MAIL_FROM})
 */
@ConfigurationProperties("stackkeeper.monitoring")
record MonitoringProperties(@DefaultValue("24h") Duration rawRetention, @DefaultValue("14d") Duration minuteRetention,
        @DefaultValue("400d") Duration hourRetention, @DefaultValue("32") int workers, @DefaultValue("true") boolean createProbes,
        @DefaultValue("20") double flapLowPercent, @DefaultValue("30") double flapHighPercent,
        @DefaultValue("15m") Duration reminderPeriod, @DefaultValue("stackkeeper@localhost") String mailFrom) {
}
