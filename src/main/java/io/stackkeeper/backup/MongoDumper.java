package io.stackkeeper.backup;

import io.stackkeeper.base.DaemonThreads;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Dumps MongoDB in mongodump's {@code --gzip} directory layout, so that {@code mongorestore --gzip --dir <set>/mongo}
 * reads it: {@code <db>/<collection>.bson.gz} holds the raw BSON documents back to back (streamed as
 * {@link RawBsonDocument}s, never decoded), {@code <db>/<collection>.metadata.json.gz} the options and indexes in
 * canonical Extended JSON. Names become file names escaped as mongodump does ({@link DumpNames}). Collections are dumped
 * in parallel; the drill's scratch databases and a restore's temporary collections are not dumped.
 */
final class MongoDumper {

    static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final int ATTEMPTS = 3;
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final MongoClient client;
    private final int parallelism;
    private final int compressionLevel;

    MongoDumper(MongoClient client, int parallelism, int compressionLevel) {
        this.client = client;
        this.parallelism = Math.max(1, parallelism);
        this.compressionLevel = compressionLevel;
    }

    /** The result of a dump: per-collection counts and every file written, with sizes and checksums. */
    record Dump(List<DumpedCollection> collections, List<BackupFile> files) {
    }

    /**
     * @param setRoot the set's folder; files go under {@code setRoot/mongo}
     * @param includeSystem also dump admin, local and config
     */
    Dump dump(Path setRoot, boolean includeSystem, DumpProgress progress) {
        List<String[]> work = new ArrayList<>();
        for (String database : client.listDatabaseNames()) {
            if (!includeSystem && SYSTEM_DATABASES.contains(database) || database.startsWith(RestoreDrill.PREFIX)) {
                continue;
            }
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                if (!collection.startsWith("system.") && !collection.startsWith(MongoRestorer.TEMPORARY_PREFIX)) {
                    work.add(new String[] {database, collection});
                }
            }
        }
        AtomicLong documents = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, work.size())), DaemonThreads.named("mongo-dump"));
        try {
            List<Future<CollectionDump>> futures = new ArrayList<>();
            for (String[] item : work) {
                futures.add(pool.submit(() -> dumpWithRetries(setRoot, item[0], item[1], documents, bytes, progress)));
            }
            List<DumpedCollection> collections = new ArrayList<>();
            List<BackupFile> files = new ArrayList<>();
            for (Future<CollectionDump> future : futures) {
                CollectionDump done = future.get();
                collections.add(done.collection());
                files.addAll(done.files());
            }
            return new Dump(collections, files);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The dump was interrupted.", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private record CollectionDump(DumpedCollection collection, List<BackupFile> files) {
    }

    /**
     * Dumps one collection, starting it again from its first document (its files rewritten) after a transient error
     * such as a timeout or a connection pool cleared while the server was saturated, at most {@value #ATTEMPTS} times.
     */
    private CollectionDump dumpWithRetries(Path setRoot, String database, String collection, AtomicLong totalDocuments,
            AtomicLong totalBytes, DumpProgress progress) {
        for (int attempt = 1; ; attempt++) {
            long[] told = new long[2];
            try {
                return dumpCollection(setRoot, database, collection, totalDocuments, totalBytes, progress, told);
            } catch (MongoException e) {
                totalDocuments.addAndGet(-told[0]);
                totalBytes.addAndGet(-told[1]);
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                progress.retrying(database + "." + collection, attempt + 1, e.getMessage());
                sleep(attempt);
            }
        }
    }

    static boolean isTransient(MongoException e) {
        // not MongoTimeoutException: no server to select within the client's patience is an outage, not a blip
        return e instanceof MongoSocketException || e instanceof MongoConnectionPoolClearedException
                || e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL) || e.hasErrorLabel("RetryableReadError")
                || e instanceof MongoNodeIsRecoveringException || e instanceof MongoNotPrimaryException;
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The dump was interrupted.", e);
        }
    }

    /** @param told documents and bytes this attempt added to the totals, to take back if it fails */
    private CollectionDump dumpCollection(Path setRoot, String database, String collection, AtomicLong totalDocuments,
            AtomicLong totalBytes, DumpProgress progress, long[] told) {
        Path mongo = setRoot.resolve("mongo");
        MongoDatabase db = client.getDatabase(database);
        MongoCollection<RawBsonDocument> raw = db.getCollection(collection, RawBsonDocument.class);
        CollectionDigest digest = new CollectionDigest();
        long documents = 0;
        long bsonBytes = 0;
        long unreportedDocuments = 0;
        long unreportedBytes = 0;
        try {
            ChecksummedFile bsonFile = new ChecksummedFile(setRoot, DumpNames.bson(mongo, database, collection));
            try (OutputStream out = gzip(bsonFile); MongoCursor<RawBsonDocument> cursor = raw.find().batchSize(1000).cursor()) {
                byte[] buffer = new byte[0];
                while (cursor.hasNext()) {
                    var bytes = cursor.next().getByteBuffer();
                    int length = bytes.remaining();
                    if (buffer.length < length) {
                        buffer = new byte[Math.max(length, buffer.length * 2)];
                    }
                    bytes.get(buffer, 0, length);
                    out.write(buffer, 0, length);
                    digest.add(java.nio.ByteBuffer.wrap(buffer, 0, length));
                    documents++;
                    bsonBytes += length;
                    unreportedDocuments++;
                    unreportedBytes += length;
                    if (unreportedDocuments == 1000) {
                        told[0] += unreportedDocuments;
                        told[1] += unreportedBytes;
                        progress.advanced(database + "." + collection, totalDocuments.addAndGet(unreportedDocuments),
                                totalBytes.addAndGet(unreportedBytes));
                        unreportedDocuments = 0;
                        unreportedBytes = 0;
                    }
                }
            }
            told[0] += unreportedDocuments;
            told[1] += unreportedBytes;
            progress.advanced(database + "." + collection, totalDocuments.addAndGet(unreportedDocuments),
                    totalBytes.addAndGet(unreportedBytes));
            ChecksummedFile metadataFile = new ChecksummedFile(setRoot, DumpNames.metadata(mongo, database, collection));
            try (OutputStream out = gzip(metadataFile)) {
                out.write(metadata(db, collection).getBytes(StandardCharsets.UTF_8));
            }
            return new CollectionDump(new DumpedCollection(database, collection, documents, bsonBytes, digest.hex()),
                    List.of(bsonFile.entry(), metadataFile.entry()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the dump of " + database + "." + collection + ": " + e.getMessage(), e);
        }
    }

    private OutputStream gzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(compressionLevel < 0 ? Deflater.DEFAULT_COMPRESSION : compressionLevel);
            }
        };
    }

    /** mongodump's metadata: options, indexes, uuid (when the server reports one), collection name and type. */
    static String metadata(MongoDatabase db, String collection) {
        Document info = db.listCollections().filter(new Document("name", collection)).first();
        Document metadata = new Document();
        metadata.put("options", info == null || info.get("options") == null ? new Document() : info.get("options"));
        List<Document> indexes = new ArrayList<>();
        db.getCollection(collection).listIndexes().into(indexes);
        metadata.put("indexes", indexes);
        Object uuid = info == null || info.get("info") == null ? null : ((Document) info.get("info")).get("uuid");
        if (uuid instanceof java.util.UUID id) {
            metadata.put("uuid", id.toString().replace("-", ""));
        }
        metadata.put("collectionName", collection);
        metadata.put("type", "collection");
        return metadata.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry()).toJson(CANONICAL);
    }
}
