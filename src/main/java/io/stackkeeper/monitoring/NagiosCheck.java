package io.stackkeeper.monitoring;

/** A probe's latest state in the Nagios plugin format, with the exit code a plugin would end with. */
public record NagiosCheck(String text, int exitCode) {
}
