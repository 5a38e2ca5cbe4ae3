package io.stackkeeper.monitoring;

import java.util.Set;

/**
 * A notifier as an admin sets it up.
 *
 * @param target an email address, or the webhook's URL
 * @param components the components whose alerts it receives (empty: all)
 * @param minState WARNING to receive warnings too, CRITICAL for critical alerts only
 * @param stackEvents whether it also receives failed backups, failed verifications and failed or rolled-back upgrades
 */
public record NotifierSettings(String name, NotifierKind kind, String target, Set<ProbeComponent> components, ProbeState minState,
        boolean stackEvents, boolean enabled) {

    public NotifierSettings {
        components = components == null ? Set.of() : Set.copyOf(components);
        minState = minState == null ? ProbeState.WARNING : minState;
    }
}
