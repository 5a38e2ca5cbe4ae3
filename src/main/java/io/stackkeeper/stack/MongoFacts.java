package io.stackkeeper.stack;

import java.util.List;

/**
 * What MongoDB reports about itself and its data.
 *
 * @param connections the connections open to the server now, or null when the user may not read the server's status
 */
public record MongoFacts(String version, String featureCompatibilityVersion, List<Database> databases, Integer connections) {

    /** A database with its size on disk and its collections. */
    public record Database(String name, long sizeOnDisk, List<Collection> collections) {
    }

    /** A collection with its document count and data size. */
    public record Collection(String name, long documents, long size) {
    }
}
