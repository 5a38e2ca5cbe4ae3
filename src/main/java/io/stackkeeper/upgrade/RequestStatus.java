package io.stackkeeper.upgrade;

/** Where an upgrade request is. */
public enum RequestStatus {
    REQUESTED, APPROVED, REJECTED, WITHDRAWN, RUNNING, SUCCEEDED, FAILED_ROLLED_BACK, FAILED
}
