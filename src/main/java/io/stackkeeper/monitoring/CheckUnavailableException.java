package io.stackkeeper.monitoring;

/** The probe could not run (nothing configured, a metric this host does not expose): UNKNOWN, not a failure. */
class CheckUnavailableException extends RuntimeException {

    CheckUnavailableException(String message) {
        super(message);
    }
}
