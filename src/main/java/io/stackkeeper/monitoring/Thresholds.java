package io.stackkeeper.monitoring;

/** A probe's warning and critical ranges (either may be null): the state of a measured value. */
record Thresholds(NagiosRange warning, NagiosRange critical) {

    static Thresholds of(String warning, String critical) {
        return new Thresholds(NagiosRange.parse(warning), NagiosRange.parse(critical));
    }

    ProbeState judge(double value) {
        if (critical != null && critical.alerts(value)) {
            return ProbeState.CRITICAL;
        }
        if (warning != null && warning.alerts(value)) {
            return ProbeState.WARNING;
        }
        return ProbeState.OK;
    }

    boolean none() {
        return warning == null && critical == null;
    }
}
