package io.stackkeeper.upgrade;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How upgrades are approved.
 *
 * @param approvalValidity how long an approval lets the upgrade start ({@code STACKKEEPER_UPGRADE_APPROVAL_VALIDITY})
 */
@ConfigurationProperties("stackkeeper.upgrade")
record UpgradeProperties(@DefaultValue("24h") Duration approvalValidity) {
}
