package io.stackkeeper.base;

/** How a recorded action ended. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
}
