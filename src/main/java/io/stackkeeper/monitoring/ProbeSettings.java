package io.stackkeeper.monitoring;

/**
 * A probe as operators set it up.
 *
 * @param intervalSeconds how often it runs, 5 s at the least
 * @param failingIntervalSeconds how often while it fails (shorter, to see recovery sooner)
 * @param warning Nagios range of the measured value that is a WARNING, or blank
 * @param critical Nagios range that is CRITICAL, or blank
 * @param alertAfter failures in a row before an alert opens (default 2)
 * @param recoverAfter successes in a row before it closes (default 1)
 */
public record ProbeSettings(String name, ProbeComponent component, ProbeKind kind, String target, ProbeOptions options,
        int intervalSeconds, int failingIntervalSeconds, int timeoutMillis, String warning, String critical, int alertAfter,
        int recoverAfter, boolean paused) {

    public ProbeSettings {
        options = options == null ? ProbeOptions.NONE : options;
    }

    /** A probe with the usual timing: every 30 s, every 10 s while failing, 5 s timeout, alert after 2, recover after 1. */
    public static ProbeSettings usual(String name, ProbeComponent component, ProbeKind kind, String target, ProbeOptions options,
            String warning, String critical) {
        return new ProbeSettings(name, component, kind, target, options, 30, 10, 5000, warning, critical, 2, 1, false);
    }
}
