package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Restores the MongoDB part of a backup set, collection by collection as the set's manifest lists them (never from a
 * folder listing): each is loaded into a temporary collection of the same database with its indexes, and only when
 * every one has loaded are they renamed over the originals ({@code renameCollection} with {@code dropTarget}). A
 * failure while loading drops the temporaries and leaves every original untouched; a failure while renaming (rare:
 * each rename is one metadata operation) leaves the collections renamed so far restored and the rest as they were,
 * with their temporaries dropped. A name mapping lets a restore drill write into scratch databases instead.
 */
final class MongoRestorer {

    /** Temporary collections of a restore are named {@code sk_restore_<restore>_<n>}: never dumped, dropped if left. */
    static final String TEMPORARY_PREFIX = "sk_restore_";
    private static final int MAX_METADATA_BYTES = 16 << 20;

    private final MongoClient client;
    private final int batchSize;

    MongoRestorer(MongoClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    /** One restored collection. */
    record Restored(String database, String collection, long documents) {
    }

    private record Loaded(MongoDatabase database, String temporary, String collection, long documents) {
    }

    /**
     * @param collections the collections to restore, as the set's manifest lists them
     * @param databaseName maps a dumped database's name to the one to restore into
     */
    List<Restored> restore(Path setRoot, List<DumpedCollection> collections, UnaryOperator<String> databaseName, DumpProgress progress) {
        Path mongo = setRoot.resolve("mongo");
        collections.forEach(MongoRestorer::requireRestorableName);
        byte[] tag = new byte[3];
        new SecureRandom().nextBytes(tag);
        String prefix = TEMPORARY_PREFIX + HexFormat.of().formatHex(tag) + "_";
        List<Loaded> loaded = new ArrayList<>();
        long[] total = new long[2];
        try {
            for (DumpedCollection dumped : collections) {
                MongoDatabase database = client.getDatabase(databaseName.apply(dumped.database()));
                Loaded loading = new Loaded(database, prefix + loaded.size(), dumped.collection(), 0);
                loaded.add(loading);
                Path dump = DumpNames.bson(mongo, dumped.database(), dumped.collection());
                long documents = load(database, loading.temporary(), dumped.collection(), dump, total, progress);
                loaded.set(loaded.size() - 1, new Loaded(database, loading.temporary(), dumped.collection(), documents));
                recreateIndexes(database, loading.temporary(), DumpNames.metadata(mongo, dumped.database(), dumped.collection()));
            }
        } catch (IOException e) {
            dropAll(loaded);
            throw new UncheckedIOException("The dump in " + mongo + " could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dropAll(loaded);
            throw e;
        }
        List<Restored> restored = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            Loaded one = loaded.get(i);
            try {
                String database = one.database().getName();
                client.getDatabase("admin").runCommand(new Document("renameCollection", database + "." + one.temporary())
                        .append("to", database + "." + one.collection()).append("dropTarget", true));
            } catch (RuntimeException e) {
                dropAll(loaded.subList(i, loaded.size()));
                throw new IllegalStateException("Renaming the restored collections over the originals failed at " + one.collection()
                        + " (" + restored.size() + " of " + loaded.size() + " were swapped in): " + e.getMessage(), e);
            }
            restored.add(new Restored(one.database().getName(), one.collection(), one.documents()));
        }
        return restored;
    }

    /** Names a manifest may carry that a restore must never write into: system collections and invalid names. */
    private static void requireRestorableName(DumpedCollection dumped) {
        String database = dumped.database() == null ? "" : dumped.database();
        String collection = dumped.collection() == null ? "" : dumped.collection();
        if (database.isEmpty() || database.chars().anyMatch(c -> "/\\. \"$\0".indexOf(c) >= 0) || collection.isEmpty()
                || collection.startsWith("system.") || collection.startsWith(".") || collection.indexOf('$') >= 0
                || collection.indexOf('\0') >= 0 || collection.startsWith(TEMPORARY_PREFIX)) {
            throw new IllegalArgumentException("The set lists a collection that is never restored: " + database + "." + collection + ".");
        }
    }

    private long load(MongoDatabase database, String temporary, String name, Path dump, long[] total, DumpProgress progress)
            throws IOException {
        MongoCollection<RawBsonDocument> collection = database.getCollection(temporary, RawBsonDocument.class);
        collection.drop();
        database.createCollection(temporary);
        String shown = database.getName() + "." + name;
        long documents = 0;
        List<RawBsonDocument> batch = new ArrayList<>(batchSize);
        try (BsonDumpReader reader = new BsonDumpReader(dump)) {
            RawBsonDocument document;
            while ((document = reader.next()) != null) {
                batch.add(document);
                total[1] += document.getByteBuffer().remaining();
                if (batch.size() == batchSize) {
                    collection.insertMany(batch);
                    documents += batch.size();
                    total[0] += batch.size();
                    batch.clear();
                    progress.advanced(shown, total[0], total[1]);
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            documents += batch.size();
            total[0] += batch.size();
        }
        progress.advanced(shown, total[0], total[1]);
        return documents;
    }

    private static void dropAll(List<Loaded> loaded) {
        for (Loaded one : loaded) {
            try {
                one.database().getCollection(one.temporary()).drop();
            } catch (RuntimeException ignored) {
                // a leftover temporary is never dumped and is dropped by dropLeftovers
            }
        }
    }

    /** Drops the temporary collections a restore cut off by a stop left behind; answers how many. */
    static int dropLeftovers(MongoClient client) {
        int dropped = 0;
        for (String name : client.listDatabaseNames()) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                if (collection.startsWith(TEMPORARY_PREFIX)) {
                    database.getCollection(collection).drop();
                    dropped++;
                }
            }
        }
        return dropped;
    }

    private static void recreateIndexes(MongoDatabase database, String collection, Path metadataFile) throws IOException {
        if (!Files.isRegularFile(metadataFile, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Document metadata;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(metadataFile, LinkOption.NOFOLLOW_LINKS))) {
            byte[] json = in.readNBytes(MAX_METADATA_BYTES + 1);
            if (json.length > MAX_METADATA_BYTES) {
                throw new IOException(metadataFile.getFileName() + " is larger than a collection's metadata can be.");
            }
            metadata = Document.parse(new String(json, StandardCharsets.UTF_8));
        }
        List<Document> indexes = new ArrayList<>();
        for (Document index : metadata.getList("indexes", Document.class, List.of())) {
            if (!"_id_".equals(index.getString("name"))) {
                Document copy = new Document(index);
                copy.remove("v");
                copy.remove("ns");
                indexes.add(copy);
            }
        }
        if (!indexes.isEmpty()) {
            database.runCommand(new Document("createIndexes", collection).append("indexes", indexes));
        }
    }
}
