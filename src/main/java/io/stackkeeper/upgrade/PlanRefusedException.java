package io.stackkeeper.upgrade;

/** A target that cannot be planned at all: floating, unknown, or the versions already running. */
public class PlanRefusedException extends IllegalArgumentException {

    PlanRefusedException(String reason) {
        super(reason);
    }
}
