package io.stackkeeper.monitoring;

/** A probe ready to run: its id, settings and parsed thresholds. */
record ProbeDefinition(long id, ProbeSettings settings, Thresholds thresholds) {

    String name() {
        return settings.name();
    }

    StateTracker.Rules rules() {
        return new StateTracker.Rules(settings.alertAfter(), settings.recoverAfter(), 20, 30);
    }
}
