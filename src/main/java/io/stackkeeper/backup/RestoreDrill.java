package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.RawBsonDocument;

/**
 * Proves a set restorable: its dump is restored into scratch databases on the same MongoDB
 * ({@code stackkeeper_drill_<id>_<db>}), each collection's document count and digest are compared with the ones the
 * manifest recorded when the set was written, and the scratch databases are dropped whatever happens.
 */
final class RestoreDrill {

    static final String PREFIX = "stackkeeper_drill_";

    /** One collection's comparison. */
    record Compared(String database, String collection, long dumpedDocuments, long restoredDocuments, boolean digestsMatch) {
        boolean ok() {
            return dumpedDocuments == restoredDocuments && digestsMatch;
        }
    }

    /** The drill's outcome. */
    record Result(boolean ok, long millis, List<Compared> collections, String error) {
        String report() {
            if (error != null) {
                return error;
            }
            StringBuilder report = new StringBuilder();
            for (Compared c : collections) {
                report.append(c.database()).append('.').append(c.collection()).append(": ").append(c.restoredDocuments()).append('/')
                        .append(c.dumpedDocuments()).append(" documents, digest ").append(c.digestsMatch() ? "matches" : "differs")
                        .append('\n');
            }
            return report.isEmpty() ? "no collections in the set" : report.toString().strip();
        }
    }

    private final MongoClient client;
    private final int batchSize;

    RestoreDrill(MongoClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    /**
     * @param collections the set's collections as its recorded manifest lists them, with their counts and digests: the
     *     drill compares what it restored against these, not against the dump files it restored from
     */
    Result run(Path set, List<DumpedCollection> collections, DumpProgress progress) {
        long started = System.nanoTime();
        String drill = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        String scratchPrefix = PREFIX + drill + "_";
        Set<String> scratch = new LinkedHashSet<>();
        try {
            new MongoRestorer(client, batchSize).restore(set, collections, database -> {
                String name = scratchPrefix + database;
                scratch.add(name);
                return name;
            }, progress);
            List<Compared> compared = new ArrayList<>();
            for (DumpedCollection expected : collections) {
                Digest actual = digestOf(client, scratchPrefix + expected.database(), expected.collection());
                String expectedDigest = expected.digest() != null ? expected.digest()
                        : digestOf(DumpNames.bson(set.resolve("mongo"), expected.database(), expected.collection())).value();
                compared.add(new Compared(expected.database(), expected.collection(), expected.documents(), actual.documents(),
                        expectedDigest.equals(actual.value())));
            }
            boolean ok = compared.stream().allMatch(Compared::ok);
            return new Result(ok, elapsed(started), compared, null);
        } catch (RuntimeException e) {
            return new Result(false, elapsed(started), List.of(), "The drill failed: " + BackupRunner.describe(e));
        } finally {
            for (String database : scratch) {
                try {
                    client.getDatabase(database).drop();
                } catch (RuntimeException ignored) {
                    // the next drill's name differs; a leftover scratch database is harmless, named as such and never dumped
                }
            }
        }
    }

    private record Digest(long documents, String value) {
    }

    /** For sets written before digests were recorded: the dump file's own digest (its checksum was verified first). */
    private static Digest digestOf(Path dump) {
        try (BsonDumpReader reader = new BsonDumpReader(dump)) {
            CollectionDigest sum = new CollectionDigest();
            RawBsonDocument document;
            while ((document = reader.next()) != null) {
                sum.add(document);
            }
            return new Digest(sum.documents(), sum.hex());
        } catch (IOException e) {
            throw new UncheckedIOException("The dump " + dump.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Digest digestOf(MongoClient client, String database, String collection) {
        CollectionDigest sum = new CollectionDigest();
        try (MongoCursor<RawBsonDocument> cursor = client.getDatabase(database).getCollection(collection, RawBsonDocument.class)
                .find().batchSize(1000).cursor()) {
            cursor.forEachRemaining(sum::add);
        }
        return new Digest(sum.documents(), sum.hex());
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
