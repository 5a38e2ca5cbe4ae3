package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.ApiClient;
import io.stackkeeper.ForkedPortal;
import io.stackkeeper.stack.SampleStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real portal process is killed in the middle of a backup (once the dump is written, while 240 MB of incompressible
 * files are being archived), then started again on the same data folder.
 */
class PortalKilledMidBackupTest {

    @TempDir
    Path work;

    @Test
    void a_portal_killed_mid_backup_leaves_no_complete_looking_set_and_marks_the_run_failed_after_restart() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0");
                MongoClient mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD))) {
            for (int batch = 0; batch < 30; batch++) {
                List<Document> events = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    events.add(new Document("_id", batch * 10_000 + i).append("payload", "p".repeat(300)));
                }
                mongo.getDatabase("toucan").getCollection("events").insertMany(events);
            }
            byte[] block = new byte[8 << 20];
            new java.util.Random(3).nextBytes(block);
            for (int i = 0; i < 30; i++) {
                Files.write(sample.storage.resolve("large-" + i + ".bin"), block);
            }
            Path data = work.resolve("portal-data");
            Path backups = data.resolve("backups");
            String id;
            try (ForkedPortal portal = new ForkedPortal(data)) {
                String token = portal.start();
                ApiClient api = portal.api();
                assertThat(portal.saveStackSettings(token, sample.settingsBody()).status()).isEqualTo(200);
                ApiClient.Response started = api.send("POST", "/api/v1/backups", ApiClient.bearer(token), "{\"plan\":\"nightly\"}");
                assertThat(started.status()).isEqualTo(202);
                id = started.body().get("id").asText();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> partialHoldsData(backups));
                portal.kill();
            }
            assertThat(backups.resolve(id)).doesNotExist();

            try (ForkedPortal restarted = new ForkedPortal(data)) {
                String token = restarted.start();
                ApiClient.Response run = restarted.api().send("GET", "/api/v1/backups/" + id, ApiClient.bearer(token), null);
                assertThat(run.body().get("status").asText()).isEqualTo("FAILED");
                assertThat(run.body().get("error").asText()).startsWith("Interrupted");
                try (Stream<Path> left = Files.list(backups)) {
                    assertThat(left).noneMatch(path -> path.getFileName().toString().startsWith(BackupSetWriter.PARTIAL_PREFIX))
                            .noneMatch(path -> path.getFileName().toString().equals(id));
                }
            }
        }
    }

    private static boolean partialHoldsData(Path backups) throws Exception {
        if (!Files.isDirectory(backups)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.anyMatch(path -> path.toString().contains(BackupSetWriter.PARTIAL_PREFIX) && path.toString().endsWith(".bson.gz"));
        }
    }
}
