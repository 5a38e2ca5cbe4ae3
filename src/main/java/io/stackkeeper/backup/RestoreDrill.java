package io.stackkeeper.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.RawBsonDocument;

/**
 * Proves a set restorable: its dump is restored into scratch databases on the same MongoDB
 * ({@code stackkeeper_drill_<id>_<db>}), each collection's document count and digest are compared with the dump's,
 * and the scratch databases are dropped whatever happens.
 */
final class RestoreDrill {

    static final String PREFIX = "stackkeeper_drill_";
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

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

    Result run(Path set, DumpProgress progress) {
        long started = System.nanoTime();
        String drill = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        String scratchPrefix = PREFIX + drill + "_";
        List<String> scratch = new ArrayList<>();
        try {
            if (!Files.isDirectory(set.resolve("mongo"))) {
                return new Result(true, elapsed(started), List.of(), null);
            }
            List<MongoRestorer.Restored> restored = new MongoRestorer(client, batchSize).restore(set, database -> {
                String name = scratchPrefix + database;
                scratch.add(name);
                return name;
            }, progress);
            List<Compared> compared = new ArrayList<>();
            for (MongoRestorer.Restored r : restored) {
                String source = r.database().substring(scratchPrefix.length());
                Path dump = set.resolve("mongo").resolve(source).resolve(r.collection() + ".bson.gz");
                Digest expected = digestOf(dump);
                Digest actual = digestOf(client, r.database(), r.collection());
                compared.add(new Compared(source, r.collection(), expected.documents(), actual.documents(), expected.value().equals(actual.value())));
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
                    // the next drill's name differs; a leftover scratch database is harmless and named as such
                }
            }
        }
    }

    private record Digest(long documents, BigInteger value) {
    }

    /** The sum of every document's SHA-256: independent of the order the server returns documents in. */
    private static Digest digestOf(Path dump) {
        try (BsonDumpReader reader = new BsonDumpReader(dump)) {
            DigestSum sum = new DigestSum();
            RawBsonDocument document;
            while ((document = reader.next()) != null) {
                sum.add(document);
            }
            return sum.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("The dump " + dump.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Digest digestOf(MongoClient client, String database, String collection) {
        DigestSum sum = new DigestSum();
        try (MongoCursor<RawBsonDocument> cursor = client.getDatabase(database).getCollection(collection, RawBsonDocument.class)
                .find().batchSize(1000).cursor()) {
            cursor.forEachRemaining(sum::add);
        }
        return sum.digest();
    }

    private static final class DigestSum {
        private final MessageDigest sha;
        private BigInteger value = BigInteger.ZERO;
        private long documents;

        DigestSum() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(RawBsonDocument document) {
            var bytes = document.getByteBuffer().asNIO();
            sha.update(bytes);
            value = value.add(new BigInteger(1, sha.digest())).mod(MODULUS);
            documents++;
        }

        Digest digest() {
            return new Digest(documents, value);
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
