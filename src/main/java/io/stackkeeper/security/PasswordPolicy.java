package io.stackkeeper.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules a new password must meet, each refusal with a reason a person can act on. */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int MAXIMUM_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Returns why the password is refused, or empty when it is acceptable. */
    static Optional<String> violation(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of("The password is too short: use at least " + MINIMUM_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return Optional.of("The password is too long: use at most " + MAXIMUM_BYTES + " bytes.");
        }
        if (username != null && password.trim().equalsIgnoreCase(username.trim())) {
            return Optional.of("The password must not be the username.");
        }
        if (password.isBlank()) {
            return Optional.of("The password must not be only spaces.");
        }
        return Optional.empty();
    }

    static void check(String username, String password) {
        violation(username, password).ifPresent(reason -> {
            throw new PasswordRefusedException(reason);
        });
    }
}
