package io.stackkeeper.monitoring;

/**
 * One measured value in base units, as Nagios perfdata and Prometheus carry it.
 *
 * @param unit {@code s}, {@code B}, {@code %}, {@code c} (a count that only grows) or empty for a plain number
 */
public record Measure(String label, double value, String unit) {

    public Measure {
        unit = unit == null ? "" : unit;
    }
}
