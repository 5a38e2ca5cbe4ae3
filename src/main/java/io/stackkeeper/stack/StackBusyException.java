package io.stackkeeper.stack;

/** Refuses work on the stack while other work holds it (a restore during a backup, two upgrades, ...). */
public class StackBusyException extends IllegalStateException {

    public StackBusyException(String message) {
        super(message);
    }
}
