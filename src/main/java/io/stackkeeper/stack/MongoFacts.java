package io.stackkeeper.stack;

import java.util.List;

/** What MongoDB reports about itself and its data. */
public record MongoFacts(String version, String featureCompatibilityVersion, List<Database> databases) {

    /** A database with its size on disk and its collections. */
    public record Database(String name, long sizeOnDisk, List<Collection> collections) {
    }

    /** A collection with its document count and data size. */
    public record Collection(String name, long documents, long size) {
    }
}
