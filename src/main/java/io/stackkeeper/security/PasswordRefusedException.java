package io.stackkeeper.security;

/** A new password does not meet the password policy; the message says why. */
public class PasswordRefusedException extends IllegalArgumentException {

    public PasswordRefusedException(String reason) {
        super(reason);
    }
}
