package io.stackkeeper.backup;

/** Told as a dump goes on; called from the dump's worker threads. */
@FunctionalInterface
interface DumpProgress {

    void advanced(String currentCollection, long documentsDone, long bytesDone);

    /** A collection is dumped again from its start after a transient error; {@code attempt} is the one beginning. */
    default void retrying(String collection, int attempt, String why) {
    }

    DumpProgress NONE = (collection, documents, bytes) -> { };
}
