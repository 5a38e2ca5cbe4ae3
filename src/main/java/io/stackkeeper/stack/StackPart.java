package io.stackkeeper.stack;

/** The stack's two containers that carry its release version. */
public enum StackPart {
    BACKEND, FRONTEND;

    /** {@code backend}, {@code frontend}: as messages name it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
