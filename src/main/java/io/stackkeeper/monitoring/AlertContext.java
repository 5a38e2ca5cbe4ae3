package io.stackkeeper.monitoring;

import io.stackkeeper.backup.BackupService;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.upgrade.UpgradeService;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an alert's message carries beside its state, so the one who reads it can act: the probe's last results, the
 * last 20 log lines of the component's container where it has one, the last backup and the last upgrade.
 */
@Component
record AlertContext(ProbeResults results, StackService stack, BackupService backups, UpgradeService upgrades) {

    String body(ProbeDefinition probe, ProbeComponent component, ProbeOutcome outcome, String rootCause) {
        StringBuilder text = new StringBuilder();
        text.append(probe.name()).append(" (").append(component.label()).append(") is ").append(outcome.state()).append(": ")
                .append(outcome.message()).append('\n');
        if (rootCause != null) {
            text.append(rootCause).append('\n');
        }
        text.append("\nLast results:\n");
        List<ProbeOutcome> recent = results.recent(probe.id());
        recent.subList(Math.max(0, recent.size() - 5), recent.size()).forEach(r -> text.append("  ").append(r.at().truncatedTo(ChronoUnit.SECONDS))
                .append(' ').append(r.state()).append(' ').append(r.latencyMillis()).append(" ms ").append(r.message()).append('\n'));
        StackPart part = component == ProbeComponent.BACKEND ? StackPart.BACKEND : component == ProbeComponent.FRONTEND ? StackPart.FRONTEND : null;
        if (part != null) {
            text.append("\nLast log lines of the ").append(part.label()).append(" container:\n");
            try {
                stack.logTail(part, 20).forEach(line -> text.append("  ").append(line).append('\n'));
            } catch (RuntimeException e) {
                text.append("  (not readable: ").append(e.getMessage()).append(")\n");
            }
        }
        text.append("\nLast backup: ").append(backups.lastSuccessful().map(run -> run.id() + ", " + run.startedAt().truncatedTo(ChronoUnit.SECONDS))
                .orElse("none")).append('\n');
        text.append("Last upgrade: ").append(upgrades.lastUpgrade().map(u -> u.from() + " → " + u.to() + ", " + u.status()
                + (u.finishedAt() == null ? "" : ", " + u.finishedAt().truncatedTo(ChronoUnit.SECONDS))).orElse("none")).append('\n');
        return text.toString();
    }
}
