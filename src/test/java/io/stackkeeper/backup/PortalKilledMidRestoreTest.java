package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.ApiClient;
import io.stackkeeper.ForkedPortal;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
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
 * A real portal process is killed while a restore loads MongoDB (step 4: the backend is stopped, the storage folder
 * is staged beside the live one), then started again on the same data folder.
 */
class PortalKilledMidRestoreTest {

    @TempDir
    Path work;

    @Test
    void a_portal_killed_mid_restore_reports_it_interrupted_restarts_the_backend_on_its_folder_and_removes_staging() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0");
                MongoClient mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD))) {
            for (int batch = 0; batch < 20; batch++) {
                List<Document> events = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    events.add(new Document("_id", batch * 10_000 + i).append("payload", "p".repeat(300)));
                }
                mongo.getDatabase("toucan").getCollection("events").insertMany(events);
            }
            Files.writeString(sample.storage.resolve("live.txt"), "before the backup\n");
            Path data = work.resolve("portal-data");
            String restoreId;
            try (ForkedPortal portal = new ForkedPortal(data)) {
                String token = portal.start();
                ApiClient api = portal.api();
                assertThat(portal.saveStackSettings(token, sample.settingsBody()).status()).isEqualTo(200);
                String setId = api.send("POST", "/api/v1/backups", ApiClient.bearer(token), "{\"plan\":\"nightly\"}").body().get("id").asText();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> "SUCCEEDED".equals(
                        api.send("GET", "/api/v1/backups/" + setId, ApiClient.bearer(token), null).body().get("status").asText()));
                Files.writeString(sample.storage.resolve("live.txt"), "written after the backup\n");
                String stackName = sample.backendName;

                ApiClient.Response started = api.send("POST", "/api/v1/backups/" + setId + "/restore", ApiClient.bearer(token),
                        "{\"confirm\":\"" + stackName + "\"}");
                assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
                restoreId = started.body().get("id").asText();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    JsonNode restore = api.send("GET", "/api/v1/restores/" + restoreId, ApiClient.bearer(token), null).body();
                    return restore.get("step").asInt() == 4 && "RUNNING".equals(restore.get("stepState").asText());
                });
                assertThat(sample.backend().state()).isNotEqualTo("running");
                assertThat(stagingFolders(sample.storage)).hasSize(1);
                portal.kill();
            }

            try (ForkedPortal restarted = new ForkedPortal(data)) {
                String token = restarted.start();
                ApiClient api = restarted.api();
                JsonNode restore = api.send("GET", "/api/v1/restores/" + restoreId, ApiClient.bearer(token), null).body();
                assertThat(restore.get("status").asText()).isEqualTo("INTERRUPTED");
                assertThat(restore.get("step").asInt()).isEqualTo(4);
                assertThat(restore.get("outcome").asText()).contains("step 4");
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> "running".equals(sample.backend().state()));
                ContainerFacts backend = sample.backend();
                assertThat(backend.mounts()).anyMatch(m -> m.destination().equals(StackService.STORAGE_MOUNT)
                        && Path.of(m.source()).equals(sample.storage));
                await().atMost(Duration.ofSeconds(30)).until(() -> stagingFolders(sample.storage).isEmpty());
                assertThat(sample.storage.resolve("live.txt")).hasContent("written after the backup\n");
                assertThat(mongo.getDatabase("toucan").getCollection("events").countDocuments()).isEqualTo(200_000);
                assertThat(mongo.getDatabase("toucan").listCollectionNames().into(new ArrayList<>()))
                        .noneMatch(name -> name.startsWith(MongoRestorer.TEMPORARY_PREFIX));
                assertThat(api.send("GET", "/api/v1/restores/" + restoreId, ApiClient.bearer(token), null).body().get("outcome").asText())
                        .contains("started again").contains("MongoDB is as it was");
            }
        }
    }

    private static List<Path> stagingFolders(Path storage) throws Exception {
        try (Stream<Path> siblings = Files.list(storage.getParent())) {
            return siblings.filter(path -> path.getFileName().toString().startsWith(storage.getFileName() + RestoreWorkflow.STAGING_MARK)).toList();
        }
    }
}
