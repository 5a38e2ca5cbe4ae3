package io.stackkeeper.upgrade;

/** How much a breaking change can hurt a stack whose operators did not read it. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
