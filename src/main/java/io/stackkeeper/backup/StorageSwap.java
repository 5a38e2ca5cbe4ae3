package io.stackkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Swaps a staged storage folder in with two renames, keeping the previous one beside it, and tells after a crash
 * which side of the swap the file system is on.
 */
final class StorageSwap {

    /** Where an interrupted swap left the folders. */
    enum State {
        /** The storage folder is the one the backend had; the staging folder may still be there. */
        NOT_SWAPPED,
        /** Only the first rename happened: the storage folder is gone and the previous one is kept. */
        HALF_SWAPPED,
        /** The restored folder is in place and the previous one is kept. */
        SWAPPED
    }

    private StorageSwap() {
    }

    /** Moves {@code current} to {@code kept} (when it exists) and {@code staging} to {@code current}. */
    static void swapIn(Path staging, Path current, Path kept) throws IOException {
        if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(staging, Files.getPosixFilePermissions(current, LinkOption.NOFOLLOW_LINKS));
            Files.move(current, kept, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, current, StandardCopyOption.ATOMIC_MOVE);
    }

    static State after(Path current, Path staging, Path kept) {
        boolean currentThere = Files.exists(current, LinkOption.NOFOLLOW_LINKS);
        boolean keptThere = kept != null && Files.exists(kept, LinkOption.NOFOLLOW_LINKS);
        boolean stagingThere = staging != null && Files.exists(staging, LinkOption.NOFOLLOW_LINKS);
        if (!currentThere && keptThere) {
            return State.HALF_SWAPPED;
        }
        return currentThere && keptThere && !stagingThere ? State.SWAPPED : State.NOT_SWAPPED;
    }

    /** Undoes the first rename of an interrupted swap. */
    static void putBack(Path current, Path kept) throws IOException {
        Files.move(kept, current, StandardCopyOption.ATOMIC_MOVE);
    }
}
