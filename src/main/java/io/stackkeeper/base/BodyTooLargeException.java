package io.stackkeeper.base;

import java.io.IOException;

/** Thrown while a request body is read, once it passes its cap; answered 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes, the most this request takes.");
    }

    /** Whether {@code error} or one of its causes is a body over its cap. */
    public static boolean causes(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
