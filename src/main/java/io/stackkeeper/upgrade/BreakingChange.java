package io.stackkeeper.upgrade;

/**
 * A change in a release that operators must read, and acknowledge, before crossing it.
 *
 * @param id stable identifier acknowledgements refer to, e.g. {@code bc-89.0.0-mongo-4.4}
 * @param text what operators must read, in the release notes' own words
 */
public record BreakingChange(String id, String title, String text, Severity severity, Requirements requirements) {
}
