package io.stackkeeper.stack;

/** A stack component refused or failed an operation; the message says what and where in words an operator can act on. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
