package io.stackkeeper.monitoring;

/** A probe's state as Nagios names it; the exit code is the plugin's. UNKNOWN: the probe itself could not run. */
public enum ProbeState {
    OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

    private final int exitCode;

    ProbeState(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether this state counts as a failure for the alert rules. */
    public boolean failing() {
        return this != OK;
    }

    /** The worse of two states: CRITICAL over WARNING over UNKNOWN over OK. */
    ProbeState worst(ProbeState other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case OK -> 0;
            case UNKNOWN -> 1;
            case WARNING -> 2;
            case CRITICAL -> 3;
        };
    }
}
