package io.stackkeeper.upgrade;

import io.stackkeeper.stack.Version;

/** The backend and frontend versions of the stack, as it runs or as an upgrade should leave it. */
public record StackVersions(Version backend, Version frontend) {

    /** True when backend and frontend share their major, the only pairing the stack supports. */
    public boolean compatible() {
        return backend.compatibleWith(frontend);
    }

    @Override
    public String toString() {
        return "backend " + backend + ", frontend " + frontend;
    }
}
