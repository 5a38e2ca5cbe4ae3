package io.stackkeeper.upgrade;

/** A precondition of an upgrade step, checked automatically, with the reason for its outcome. */
public record Check(String name, CheckStatus status, String reason) {

    static Check pass(String name, String reason) {
        return new Check(name, CheckStatus.PASS, reason);
    }

    static Check warn(String name, String reason) {
        return new Check(name, CheckStatus.WARN, reason);
    }

    static Check fail(String name, String reason) {
        return new Check(name, CheckStatus.FAIL, reason);
    }
}
