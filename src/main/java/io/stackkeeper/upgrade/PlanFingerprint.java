package io.stackkeeper.upgrade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an approval was given for: the catalog version, the current and target versions, every step, the breaking
 * changes crossed and every check's status. Any difference voids the approval.
 */
final class PlanFingerprint {

    private PlanFingerprint() {
    }

    static String of(ReleaseCatalog catalog, UpgradePlan plan) {
        StringBuilder text = new StringBuilder().append(catalog.catalogVersion()).append('.').append(catalog.revision()).append('|').append(plan.from()).append("->").append(plan.to());
        for (PlannedStep step : plan.steps()) {
            text.append('|').append(step.backend()).append('/').append(step.frontend()).append('/').append(step.featureCompatibilityVersion());
            step.breakingChanges().forEach(change -> text.append(',').append(change.id()));
            step.checks().forEach(check -> text.append(';').append(check.name()).append('=').append(check.status()));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
