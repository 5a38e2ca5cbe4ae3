package io.stackkeeper.backup;

/** One collection in a dump: how many documents and raw BSON bytes it held. */
public record DumpedCollection(String database, String collection, long documents, long bsonBytes) {
}
