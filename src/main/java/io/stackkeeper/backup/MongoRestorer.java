package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Restores the MongoDB part of a backup set: per collection, drop, insert the raw documents in batches, recreate the
 * indexes from the metadata. A name mapping lets a restore drill write into scratch databases instead.
 */
final class MongoRestorer {

    private static final String BSON = ".bson.gz";

    private final MongoClient client;
    private final int batchSize;

    MongoRestorer(MongoClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    /** One restored collection. */
    record Restored(String database, String collection, long documents) {
    }

    /**
     * @param databaseName maps a dumped database's name to the one to restore into
     */
    List<Restored> restore(Path setRoot, UnaryOperator<String> databaseName, DumpProgress progress) {
        Path mongo = setRoot.resolve("mongo");
        List<Restored> restored = new ArrayList<>();
        long[] total = new long[2];
        try (DirectoryStream<Path> databases = Files.newDirectoryStream(mongo, Files::isDirectory)) {
            for (Path databaseFolder : databases) {
                String source = databaseFolder.getFileName().toString();
                MongoDatabase database = client.getDatabase(databaseName.apply(source));
                try (DirectoryStream<Path> dumps = Files.newDirectoryStream(databaseFolder, "*" + BSON)) {
                    for (Path dump : dumps) {
                        String collection = dump.getFileName().toString().substring(0, dump.getFileName().toString().length() - BSON.length());
                        long documents = restoreCollection(database, collection, dump, total, progress);
                        recreateIndexes(database, collection, databaseFolder.resolve(collection + ".metadata.json.gz"));
                        restored.add(new Restored(database.getName(), collection, documents));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The dump in " + mongo + " could not be read: " + e.getMessage(), e);
        }
        return restored;
    }

    private long restoreCollection(MongoDatabase database, String name, Path dump, long[] total, DumpProgress progress) throws IOException {
        MongoCollection<RawBsonDocument> collection = database.getCollection(name, RawBsonDocument.class);
        collection.drop();
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
                    progress.advanced(database.getName() + "." + name, total[0], total[1]);
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            documents += batch.size();
            total[0] += batch.size();
        }
        progress.advanced(database.getName() + "." + name, total[0], total[1]);
        return documents;
    }

    private static void recreateIndexes(MongoDatabase database, String collection, Path metadataFile) throws IOException {
        if (!Files.exists(metadataFile)) {
            return;
        }
        Document metadata;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(metadataFile))) {
            metadata = Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
