package io.stackkeeper.backup;

/**
 * One collection in a dump: how many documents and raw BSON bytes it held.
 *
 * @param digest the collection's {@link CollectionDigest} as written; {@code null} in sets written before it was
 *     recorded
 */
public record DumpedCollection(String database, String collection, long documents, long bsonBytes, String digest) {

    public DumpedCollection(String database, String collection, long documents, long bsonBytes) {
        this(database, collection, documents, bsonBytes, null);
    }
}
