package io.stackkeeper.monitoring;

/** The share of runs that were OK or WARNING, in percent, over the last 24 hours, 7, 30 and 365 days (null: no runs). */
public record Uptime(Double day, Double week, Double month, Double year) {
}
