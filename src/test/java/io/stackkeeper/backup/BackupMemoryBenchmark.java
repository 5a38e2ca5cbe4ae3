package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.stackkeeper.ApiClient;
import io.stackkeeper.ForkedPortal;
import io.stackkeeper.stack.SampleStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole portal in its own JVM with a 256 MB heap backs up the sample stack twice: first a small baseline (10,000
 * documents, 5 MB of files), then the full size (1,000,000 documents, 500 MB; {@code -Dbench.documents},
 * {@code -Dbench.storageMb}). MongoDB (the stand-in) runs in this JVM, not the portal's. Printed: both runs' outcome,
 * duration and the portal's peak resident memory (VmHWM) after each, and their ratio: memory must not grow with data.
 */
class BackupMemoryBenchmark {

    private static final int SMALL_DOCUMENTS = 10_000;
    private static final int SMALL_MB = 5;

    @TempDir
    Path work;

    @Test
    void the_portal_with_a_256_mb_heap_backs_up_a_million_documents_and_500_mb_without_memory_growing_with_the_data() throws Exception {
        int documents = Integer.getInteger("bench.documents", 1_000_000);
        int storageMb = Integer.getInteger("bench.storageMb", 500);
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0");
                MongoClient mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD))) {
            MongoCollection<Document> events = mongo.getDatabase("toucan").getCollection("events");
            insert(events, 0, SMALL_DOCUMENTS);
            fill(sample.storage, 0, SMALL_MB, 1);
            try (ForkedPortal portal = new ForkedPortal(work.resolve("portal-data"), "-Xmx256m")) {
                String token = portal.start();
                ApiClient api = portal.api();
                ApiClient.Response saved = portal.saveStackSettings(token, sample.settingsBody());
                assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);

                Run small = backUp(api, token, portal);
                insert(events, SMALL_DOCUMENTS, documents - SMALL_DOCUMENTS);
                fill(sample.storage, SMALL_MB, storageMb - SMALL_MB, 2);
                Run large = backUp(api, token, portal);

                String table = String.format(Locale.ROOT, """
                        | run | documents | storage | status | duration | set size | portal peak RSS (VmHWM) |
                        |---|---:|---:|---|---:|---:|---:|
                        | baseline (small) | %,d | %d MB | %s | %.1f s | %.1f MB | %d MB |
                        | full size | %,d | %d MB | %s | %.1f s | %.1f MB | %d MB |

                        Peak RSS ratio full / small: %.2f (portal started with -Xmx256m; MongoDB stand-in in the benchmark's JVM)
                        """, SMALL_DOCUMENTS, SMALL_MB, small.status, small.seconds, small.sizeBytes / 1048576.0, small.peakRssMb,
                        documents, storageMb, large.status, large.seconds, large.sizeBytes / 1048576.0, large.peakRssMb,
                        (double) large.peakRssMb / small.peakRssMb);
                System.out.println(table);
                Path out = Path.of("target/bench/backup-memory.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, table);
                assertThat(large.status).isEqualTo("SUCCEEDED");
            }
        }
    }

    private record Run(String status, double seconds, long sizeBytes, long peakRssMb) {
    }

    private Run backUp(ApiClient api, String token, ForkedPortal portal) throws Exception {
        long start = System.nanoTime();
        ApiClient.Response started = api.send("POST", "/api/v1/backups", ApiClient.bearer(token), "{\"plan\":\"nightly\"}");
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        String id = started.body().get("id").asText();
        while (true) {
            ApiClient.Response run = api.send("GET", "/api/v1/backups/" + id, ApiClient.bearer(token), null);
            String status = run.body().get("status").asText();
            if (!"RUNNING".equals(status)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long size = run.body().has("sizeBytes") ? run.body().get("sizeBytes").asLong() : 0;
                if (!"SUCCEEDED".equals(status)) {
                    System.out.println("Backup " + id + " " + status + ": " + run.body().get("error"));
                }
                return new Run(status, seconds, size, portal.peakRssMb());
            }
            Thread.sleep(1000);
        }
    }

    private static void insert(MongoCollection<Document> events, int from, int count) {
        List<Document> batch = new ArrayList<>(10_000);
        for (int i = from; i < from + count; i++) {
            batch.add(new Document("_id", i).append("kind", i % 3 == 0 ? "view" : "edit").append("dashboard", "Dashboard " + i % 400)
                    .append("user", new Document("login", "user" + i % 97).append("team", "team-" + i % 7))
                    .append("tiles", List.of(i % 11, i % 13, i % 17)).append("note", "event number " + i + " of the memory benchmark"));
            if (batch.size() == 10_000) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
        }
    }

    /** Adds {@code megabytes} of files: mostly 64 KB - 1 MB, some of 8 MB, half random and half repetitive text. */
    private static void fill(Path storage, int fromMb, int megabytes, long seed) throws IOException {
        Random random = new Random(seed);
        long remaining = (long) megabytes << 20;
        int index = 0;
        while (remaining > 0) {
            int size = (int) Math.min(remaining, index % 50 == 0 ? 8 << 20 : 64 * 1024 + random.nextInt(960 * 1024));
            byte[] content = new byte[size];
            if (index % 2 == 0) {
                random.nextBytes(content);
            } else {
                byte[] text = ("line " + index + " of a report that compresses well\n").getBytes();
                for (int i = 0; i < size; i++) {
                    content[i] = text[i % text.length];
                }
            }
            Path folder = Files.createDirectories(storage.resolve("bench-" + fromMb + "/d" + index % 20));
            Files.write(folder.resolve("f" + index + ".bin"), content);
            remaining -= size;
            index++;
        }
    }

}
