package io.stackkeeper.upgrade;

/** Where an upgrade request is. */
public enum RequestStatus {
    REQUESTED, APPROVED, REJECTED, RUNNING, SUCCEEDED, FAILED_ROLLED_BACK, FAILED
}
