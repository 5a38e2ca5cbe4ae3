package io.stackkeeper.backup;

/** Where a backup run is. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED
}
