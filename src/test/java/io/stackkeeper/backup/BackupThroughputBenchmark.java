package io.stackkeeper.backup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.stackkeeper.stack.MongoStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Backup throughput, each against a baseline measured in the same run on the same machine (run with
 * {@code bench/backup-throughput.sh}):
 * <ul>
 * <li>dump: {@link MongoDumper} (2 threads, gzip level 1) against a plain driver scan of the same collections on 2
 * threads that reads {@link RawBsonDocument}s and drops them; documents per second;</li>
 * <li>storage archive: {@link StorageArchiver} (zstd level 1) into a file against {@code tar -cf - | zstd -1} over the
 * same generated folder of mixed file sizes, with the page cache warm; folder MB per second;</li>
 * <li>restore: {@link MongoRestorer} (batches of 1000) of that dump into fresh databases against {@code insertMany} in
 * batches of 1000 of the same documents, read with {@link BsonDumpReader}, into other fresh databases; documents per
 * second.</li>
 * </ul>
 * MongoDB is the in-memory stand-in, in this JVM. Each pair runs {@code bench.rounds} times (default 2), which one goes
 * first swapped every round, and the best of each is compared. Target: every ratio at least 0.8. Sizes:
 * {@code -Dbench.documents} (default 1,000,000, in 4 collections of 2 databases) and {@code -Dbench.storageMb} (500).
 * The table goes to stdout and to {@code target/bench/backup-throughput.md}.
 */
class BackupThroughputBenchmark {

    private static final long DOCUMENTS = Long.getLong("bench.documents", 1_000_000);
    private static final long STORAGE_MB = Long.getLong("bench.storageMb", 500);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int PARALLELISM = 2;
    private static final int GZIP_LEVEL = 1;
    private static final int ZSTD_LEVEL = 1;
    private static final int BATCH = 1000;
    private static final long MB = 1 << 20;

    private record Source(String database, String collection, int percent) {
    }

    private static final List<Source> SOURCES = List.of(new Source("shop", "orders", 35), new Source("shop", "customers", 15),
            new Source("shop", "events", 35), new Source("analytics", "daily", 15));

    private static final String[] WORDS = ("backup restore archive storage portal stack cluster replica shard index "
            + "dashboard report metric tenant account invoice order customer product warehouse shipment payment refund "
            + "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
            + "romeo sierra tango uniform victor whiskey xray yankee zulu amber cobalt crimson indigo saffron teal").split(" ");

    /** One timed run: wall and CPU seconds for {@code units} documents or bytes. */
    private record Run(double seconds, double cpuSeconds, long units) {
        double rate() {
            return units / seconds;
        }
    }

    /** Wall and CPU time since it was made; CPU time is this JVM's (the stand-in's included) and its ended child processes'. */
    private static final class Stopwatch {
        private final long wall = System.nanoTime();
        private final double cpu = cpuSeconds();

        Run stop(long units) {
            return new Run((System.nanoTime() - wall) / 1e9, cpuSeconds() - cpu, units);
        }
    }

    private static final Logger ROOT_LOGGER = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static final Logger WIRE_LOGGER = (Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.wire");
    private static Level rootLevel;
    private static Level wireLevel;

    /**
     * Without a logback configuration the driver and the stand-in log every command at DEBUG, which would be timed too;
     * the stand-in also logs the restorer's drop of a missing collection as an error with a stack trace.
     */
    @BeforeAll
    static void quietLogs() {
        rootLevel = ROOT_LOGGER.getLevel();
        wireLevel = WIRE_LOGGER.getLevel();
        ROOT_LOGGER.setLevel(Level.WARN);
        WIRE_LOGGER.setLevel(Level.OFF);
    }

    @AfterAll
    static void restoreLogs() {
        ROOT_LOGGER.setLevel(rootLevel);
        WIRE_LOGGER.setLevel(wireLevel);
    }

    @TempDir
    Path work;

    @Test
    void dump_storage_archive_and_restore_throughput_against_their_baselines() throws Exception {
        List<String> notes = new ArrayList<>();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path set = work.resolve("set");
        String dump;
        String restore;
        try (MongoStandIn mongo = MongoStandIn.inMemory("4.4.29", "4.4"); MongoClient client = MongoClients.create(mongo.uri())) {
            long t0 = System.nanoTime();
            fill(client, DOCUMENTS);
            notes.add(String.format(Locale.ROOT, "filling the stand-in with %,d documents took %.1f s", DOCUMENTS, seconds(t0)));
            dump = measureDump(client, set, notes);
            SOURCES.stream().map(Source::database).distinct().forEach(database -> client.getDatabase(database).drop());
            restore = measureRestore(client, set, notes);
        }
        String archive = measureArchive(notes);
        notes.add(String.format(Locale.ROOT, "load average (1 min) before %.2f, at the end %.2f (this run alone keeps it near 2: more means "
                + "another job shared the CPU)", loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        report(List.of(dump, archive, restore), notes);
    }

    private static String measureDump(MongoClient client, Path set, List<String> notes) throws Exception {
        List<String[]> collections = new ArrayList<>();
        for (String database : client.listDatabaseNames()) {
            if (!MongoDumper.SYSTEM_DATABASES.contains(database)) {
                for (String collection : client.getDatabase(database).listCollectionNames()) {
                    collections.add(new String[] {database, collection});
                }
            }
        }
        List<Run> dumps = new ArrayList<>();
        List<Run> scans = new ArrayList<>();
        long bsonBytes = 0;
        long scannedBytes = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (boolean oursNow : order(round)) {
                if (oursNow) {
                    if (Files.exists(set)) {
                        delete(set);
                    }
                    Stopwatch stopwatch = new Stopwatch();
                    MongoDumper.Dump dump = new MongoDumper(client, PARALLELISM, GZIP_LEVEL).dump(set, false, DumpProgress.NONE);
                    dumps.add(stopwatch.stop(dump.collections().stream().mapToLong(DumpedCollection::documents).sum()));
                    bsonBytes = dump.collections().stream().mapToLong(DumpedCollection::bsonBytes).sum();
                } else {
                    Stopwatch stopwatch = new Stopwatch();
                    long[] scanned = scan(client, collections);
                    scans.add(stopwatch.stop(scanned[0]));
                    scannedBytes = scanned[1];
                }
            }
        }
        long gzipped = sizeOf(set);
        Run ours = best(dumps);
        Run baseline = best(scans);
        String row = row(String.format(Locale.ROOT, "dump: %,d docs, %d collections in 2 databases, avg %d B (MongoDumper, %d threads, gzip %d) "
                + "vs driver scan of RawBsonDocuments, %d threads", ours.units(), collections.size(), bsonBytes / Math.max(1, ours.units()),
                PARALLELISM, GZIP_LEVEL, PARALLELISM), ours, baseline, "docs/s", 1);
        notes.add(String.format(Locale.ROOT, "dump: %.0f MB of BSON (scan: %.0f MB) written as %.0f MB gzip; runs: ours %s, baseline %s",
                (double) bsonBytes / MB, (double) scannedBytes / MB, (double) gzipped / MB, times(dumps), times(scans)));
        return row;
    }

    private static long[] scan(MongoClient client, List<String[]> collections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLELISM, collections.size()));
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (String[] source : collections) {
                futures.add(pool.submit(() -> {
                    MongoCollection<RawBsonDocument> raw = client.getDatabase(source[0]).getCollection(source[1], RawBsonDocument.class);
                    long documents = 0;
                    long bytes = 0;
                    try (MongoCursor<RawBsonDocument> cursor = raw.find().batchSize(BATCH).cursor()) {
                        while (cursor.hasNext()) {
                            bytes += cursor.next().getByteBuffer().remaining();
                            documents++;
                        }
                    }
                    return new long[] {documents, bytes};
                }));
            }
            long[] totals = new long[2];
            for (Future<long[]> future : futures) {
                long[] one = future.get();
                totals[0] += one[0];
                totals[1] += one[1];
            }
            return totals;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The benchmark's own plain-named collections, as a manifest would list them. */
    private static List<DumpedCollection> dumpedIn(Path set) throws IOException {
        List<DumpedCollection> collections = new ArrayList<>();
        try (var databases = Files.list(set.resolve("mongo"))) {
            for (Path database : databases.toList()) {
                try (var dumps = Files.list(database)) {
                    dumps.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(DumpNames.BSON)).forEach(name -> collections.add(
                            new DumpedCollection(database.getFileName().toString(), name.substring(0, name.length() - DumpNames.BSON.length()), 0, 0)));
                }
            }
        }
        return collections;
    }

    private static String measureRestore(MongoClient client, Path set, List<String> notes) throws IOException {
        List<Run> restores = new ArrayList<>();
        List<Run> inserts = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (boolean oursNow : order(round)) {
                String prefix = (oursNow ? "restored" : "inserted") + round + "_";
                Stopwatch stopwatch = new Stopwatch();
                long documents = oursNow
                        ? new MongoRestorer(client, BATCH).restore(set, dumpedIn(set), name -> prefix + name, DumpProgress.NONE).stream()
                                .mapToLong(MongoRestorer.Restored::documents).sum()
                        : insertMany(client, set, prefix);
                (oursNow ? restores : inserts).add(stopwatch.stop(documents));
                for (String database : client.listDatabaseNames()) {
                    if (database.startsWith(prefix)) {
                        client.getDatabase(database).drop();
                    }
                }
            }
        }
        Run ours = best(restores);
        Run baseline = best(inserts);
        notes.add("restore: runs: ours " + times(restores) + ", baseline " + times(inserts));
        return row(String.format(Locale.ROOT, "restore: that dump into fresh databases (MongoRestorer, batches of %d) "
                + "vs insertMany of the dumped RawBsonDocuments, same batches", BATCH), ours, baseline, "docs/s", 1);
    }

    private static long insertMany(MongoClient client, Path set, String prefix) throws IOException {
        long documents = 0;
        try (DirectoryStream<Path> databases = Files.newDirectoryStream(set.resolve("mongo"), Files::isDirectory)) {
            for (Path database : databases) {
                try (DirectoryStream<Path> dumps = Files.newDirectoryStream(database, "*.bson.gz")) {
                    for (Path dump : dumps) {
                        String name = dump.getFileName().toString().replace(".bson.gz", "");
                        MongoCollection<RawBsonDocument> collection = client.getDatabase(prefix + database.getFileName())
                                .getCollection(name, RawBsonDocument.class);
                        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
                        try (BsonDumpReader reader = new BsonDumpReader(dump)) {
                            RawBsonDocument document;
                            while ((document = reader.next()) != null) {
                                batch.add(document);
                                if (batch.size() == BATCH) {
                                    collection.insertMany(batch);
                                    documents += batch.size();
                                    batch.clear();
                                }
                            }
                        }
                        if (!batch.isEmpty()) {
                            collection.insertMany(batch);
                            documents += batch.size();
                        }
                    }
                }
            }
        }
        return documents;
    }

    private String measureArchive(List<String> notes) throws Exception {
        Path storage = Files.createDirectories(work.resolve("storage"));
        long t0 = System.nanoTime();
        long[] generated = writeStorage(storage, STORAGE_MB * MB);
        notes.add(String.format(Locale.ROOT, "storage: generating %,d files of %.0f MB took %.1f s", generated[0],
                (double) generated[1] / MB, seconds(t0)));
        Path ourArchive = work.resolve("storage-ours.tar.zst");
        Path theirArchive = work.resolve("storage-baseline.tar.zst");
        List<Run> archives = new ArrayList<>();
        List<Run> pipelines = new ArrayList<>();
        long ourSize = 0;
        long theirSize = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (boolean oursNow : order(round)) {
                readAll(storage);
                if (oursNow) {
                    Files.deleteIfExists(ourArchive);
                    Stopwatch stopwatch = new Stopwatch();
                    try (OutputStream out = Files.newOutputStream(ourArchive)) {
                        new StorageArchiver(ZSTD_LEVEL).archive(storage, out, (path, files, bytes) -> { });
                    }
                    archives.add(stopwatch.stop(generated[1]));
                    ourSize = Files.size(ourArchive);
                } else {
                    Files.deleteIfExists(theirArchive);
                    Stopwatch stopwatch = new Stopwatch();
                    tarZstd(storage, theirArchive);
                    pipelines.add(stopwatch.stop(generated[1]));
                    theirSize = Files.size(theirArchive);
                }
            }
        }
        Run ours = best(archives);
        Run baseline = best(pipelines);
        String row = row(String.format(Locale.ROOT, "storage archive: %,d files, %.0f MB (StorageArchiver, zstd %d, into a file) "
                + "vs `tar -cf - \\| zstd -%d`", generated[0], (double) generated[1] / MB, ZSTD_LEVEL, ZSTD_LEVEL), ours, baseline, "MB/s", MB);
        notes.add(String.format(Locale.ROOT, "storage archive: ours %.0f MB, baseline %.0f MB; runs: ours %s, baseline %s",
                (double) ourSize / MB, (double) theirSize / MB, times(archives), times(pipelines)));
        delete(storage);
        return row;
    }

    private static void tarZstd(Path folder, Path archive) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; tar -cf - -C \"$1\" . | zstd -" + ZSTD_LEVEL + " -q -f -o \"$2\"",
                "tar-zstd", folder.toString(), archive.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("tar | zstd failed: " + output);
        }
    }

    private static List<Boolean> order(int round) {
        return round % 2 == 1 ? List.of(false, true) : List.of(true, false);
    }

    private static void fill(MongoClient client, long documents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            long first = 0;
            for (int i = 0; i < SOURCES.size(); i++) {
                Source source = SOURCES.get(i);
                long count = i == SOURCES.size() - 1 ? documents - first : documents * source.percent() / 100;
                long from = first;
                first += count;
                futures.add(pool.submit((Callable<Void>) () -> {
                    Random random = new Random(from);
                    MongoCollection<Document> collection = client.getDatabase(source.database()).getCollection(source.collection());
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (long id = from; id < from + count; id++) {
                        batch.add(document(random, id));
                        if (batch.size() == BATCH) {
                            collection.insertMany(batch);
                            batch.clear();
                        }
                    }
                    if (!batch.isEmpty()) {
                        collection.insertMany(batch);
                    }
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Document document(Random random, long id) {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            tags.add(word(random));
        }
        return new Document("_id", id)
                .append("name", words(random, 2, 4))
                .append("email", word(random) + "." + id + "@example.org")
                .append("createdAt", new Date(1_700_000_000_000L + random.nextInt(1_000_000_000) * 30L))
                .append("amount", random.nextInt(10_000_000) / 100.0)
                .append("quantity", random.nextInt(100))
                .append("active", random.nextBoolean())
                .append("address", new Document("street", (1 + random.nextInt(400)) + " " + words(random, 1, 2) + " street")
                        .append("city", word(random))
                        .append("zip", String.format(Locale.ROOT, "%05d", random.nextInt(100_000)))
                        .append("geo", List.of(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180)))
                .append("tags", tags)
                .append("note", words(random, 2, 24));
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String words(Random random, int min, int max) {
        StringBuilder text = new StringBuilder(word(random));
        for (int i = min + random.nextInt(max - min + 1); i > 1; i--) {
            text.append(' ').append(word(random));
        }
        return text.toString();
    }

    /**
     * A fifth of the bytes in files of 50 MB, two fifths in files of 1-8 MB, two fifths in files of 1-64 KB spread over
     * folders of 200; every 16 KB block is either random bytes or log-like text. Returns the file count and bytes.
     */
    private static long[] writeStorage(Path root, long bytes) throws IOException {
        Random random = new Random(42);
        byte[] text = logText(random, 1 << 20);
        long large = bytes / 5;
        long medium = bytes * 2 / 5;
        long[] totals = new long[2];
        writeFiles(root.resolve("large"), large, 50 * MB, 50 * MB, ".bin", random, text, totals);
        writeFiles(root.resolve("medium"), medium, MB, 8 * MB, ".dat", random, text, totals);
        writeFiles(root.resolve("small"), bytes - large - medium, 1024, 64 * 1024, ".json", random, text, totals);
        return totals;
    }

    private static void writeFiles(Path folder, long budget, long min, long max, String suffix, Random random, byte[] text,
            long[] totals) throws IOException {
        byte[] block = new byte[16 * 1024];
        long left = budget;
        for (int index = 0; left > 0; index++) {
            long size = Math.min(left, min + (long) (random.nextDouble() * (max - min + 1)));
            Path file = Files.createDirectories(folder.resolve(String.format(Locale.ROOT, "d%03d", index / 200)))
                    .resolve(String.format(Locale.ROOT, "f%05d%s", index, suffix));
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < size; written += block.length) {
                    int length = (int) Math.min(block.length, size - written);
                    if (random.nextBoolean()) {
                        random.nextBytes(block);
                        out.write(block, 0, length);
                    } else {
                        out.write(text, random.nextInt(text.length - block.length), length);
                    }
                }
            }
            left -= size;
            totals[0]++;
            totals[1] += size;
        }
    }

    private static byte[] logText(Random random, int size) {
        StringBuilder text = new StringBuilder(size + 200);
        LocalDate day = LocalDate.of(2026, 1, 1);
        while (text.length() < size) {
            text.append(day.plusDays(random.nextInt(60))).append(String.format(Locale.ROOT, "T%02d:%02d:%02d.%03dZ ",
                            random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000)))
                    .append(random.nextInt(10) == 0 ? "WARN " : "INFO ").append("[worker-").append(random.nextInt(8)).append("] ")
                    .append(words(random, 4, 12)).append(" id=").append(random.nextInt(1_000_000))
                    .append(" took ").append(random.nextInt(500)).append(" ms\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static void readAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }

    private static double cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return jvm + (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException notLinux) {
            return jvm;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Run best(List<Run> runs) {
        return runs.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElseThrow();
    }

    private static String times(List<Run> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%.2f s", run.seconds())).toList().toString();
    }

    private static String row(String measure, Run ours, Run baseline, String unit, long per) {
        return String.format(Locale.ROOT, "| %s | %.2f s, %,.0f %s (CPU %.1f s) | %.2f s, %,.0f %s (CPU %.1f s) | **%.2f** | ≥ 0.8 |", measure,
                ours.seconds(), ours.rate() / per, unit, ours.cpuSeconds(), baseline.seconds(), baseline.rate() / per, unit,
                baseline.cpuSeconds(), ours.rate() / baseline.rate());
    }

    private static void report(List<String> rows, List<String> notes) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "## Backup throughput, %s, %d cores, %.0f GiB heap max, Java %s, best of %d rounds%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (double) (1L << 30),
                System.getProperty("java.version"), ROUNDS));
        report.append("| measure | ours | baseline | ratio | target |\n|---|---:|---:|---:|---:|\n");
        rows.forEach(row -> report.append(row).append('\n'));
        report.append('\n');
        notes.forEach(note -> report.append("- ").append(note).append('\n'));
        System.out.println();
        System.out.println(report);
        Path file = Path.of("target", "bench", "backup-throughput.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }
}
