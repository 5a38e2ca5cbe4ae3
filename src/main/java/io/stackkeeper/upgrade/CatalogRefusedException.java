package io.stackkeeper.upgrade;

/** A release catalog that cannot be used, with the line of the first problem found. */
public class CatalogRefusedException extends IllegalArgumentException {

    private final int line;
    private final String reason;

    CatalogRefusedException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
