package io.stackkeeper.backup;

/** Told as a dump goes on; called from the dump's worker threads. */
@FunctionalInterface
interface DumpProgress {

    void advanced(String currentCollection, long documentsDone, long bytesDone);

    DumpProgress NONE = (collection, documents, bytes) -> { };
}
