package io.stackkeeper.upgrade;

/** The outcome of a precondition check; any {@code FAIL} blocks the plan. */
public enum CheckStatus {
    PASS, WARN, FAIL
}
