package io.stackkeeper.stack;

import java.time.Instant;

/** Events of work on the stack (backups, drills, restores, upgrades), told when it claims the stack and when it lets go. */
public final class StackWork {

    private StackWork() {
    }

    /** Work claimed the stack; {@code exclusive} work (a restore, an upgrade) runs alone and stops the backend. */
    public record Started(String work, boolean exclusive, Instant at) {
    }

    /** The work let go of the stack. */
    public record Ended(String work, boolean exclusive, Instant at) {
    }
}
