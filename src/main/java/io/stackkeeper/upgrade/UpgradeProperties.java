package io.stackkeeper.upgrade;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How upgrades are approved and run.
 *
 * @param approvalValidity how long an approval lets the upgrade start ({@code STACKKEEPER_UPGRADE_APPROVAL_VALIDITY})
 * @param healthTimeout how long a recreated container has to answer 200 (the backend runs its migrations at boot)
 * @param pullTimeout how long pulling one image may take
 * @param stopGrace how long a container has to stop before it is killed
 * @param failureLogLines how many of the failing container's last log lines are kept with a failed upgrade
 */
@ConfigurationProperties("stackkeeper.upgrade")
record UpgradeProperties(@DefaultValue("24h") Duration approvalValidity, @DefaultValue("5m") Duration healthTimeout,
        @DefaultValue("10m") Duration pullTimeout, @DefaultValue("30s") Duration stopGrace, @DefaultValue("200") int failureLogLines) {
}
