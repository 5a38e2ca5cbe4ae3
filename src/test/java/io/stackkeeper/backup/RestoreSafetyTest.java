package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A restore changes nothing before the set is proven, and the API restores and imports with the UI's rules. */
@PortalTest
class RestoreSafetyTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");
    private static MongoClient mongo;

    @Autowired
    BackupService backups;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @TempDir
    Path target;

    @TempDir
    Path elsewhere;

    private String stackName;

    @BeforeAll
    static void fillTheStack() throws Exception {
        mongo = MongoClients.create(sample.mongoUri(SampleStack.MONGO_PASSWORD));
        mongo.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "ada"));
        Files.writeString(sample.storage.resolve("report.csv"), "a,b\n1,2\n");
    }

    @AfterAll
    static void closeTheClient() {
        mongo.close();
    }

    @BeforeEach
    void configure() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        stackName = TestUsers.asAdmin(() -> stack.stackName()).orElseThrow();
    }

    private BackupRunRecord backUp() {
        String name = TestUsers.unique("proof").toLowerCase();
        TestUsers.asAdmin(() -> backups.savePlan(null, new BackupPlanSettings(name, "0 0 3 * * ?", target.toString(), Contents.BOTH,
                false, 1, new RetentionPolicy(9, 0, 0, 0, 0, 0), null, true)));
        BackupRunRecord run = TestUsers.asAdmin(() -> backups.backUpAndWait(name, BackupReason.MANUAL));
        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    @Test
    void a_set_tampered_after_it_was_written_is_refused_at_step_1_with_the_file_named_and_nothing_changes() throws Exception {
        BackupRunRecord run = backUp();
        Path set = Path.of(run.location());
        Path dump = set.resolve("mongo/toucan/users.bson.gz");
        Files.write(dump, new byte[] {31, -117, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        rewriteManifestOnDisk(set, "mongo/toucan/users.bson.gz", dump);
        assertThat(BackupSetWriter.verify(set)).as("the manifest on disk was made to match").isEmpty();
        mongo.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "after-the-backup"));
        Files.writeString(sample.storage.resolve("after.txt"), "kept\n");
        long safetySets = countSafetySets();
        List<RestoreStep> steps = new CopyOnWriteArrayList<>();

        RestoreOutcome outcome = TestUsers.asAdmin(() -> backups.restore(run.id(), stackName, steps::add));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failedStep()).isEqualTo(1);
        assertThat(outcome.message()).contains("mongo/toucan/users.bson.gz").contains("Nothing was changed");
        assertThat(steps).extracting(RestoreStep::number).containsOnly(1);
        assertThat(mongo.getDatabase("toucan").getCollection("users").countDocuments(new Document("_id", "after-the-backup"))).isEqualTo(1);
        assertThat(sample.storage.resolve("after.txt")).hasContent("kept\n");
        assertThat(countSafetySets()).isEqualTo(safetySets);
        assertThat(sample.backend().state()).isEqualTo("running");
        assertThat(stagingFolders()).isEmpty();
        assertThat(TestUsers.asAdmin(() -> stack.runningWork())).isEmpty();
    }

    @Test
    void an_imported_set_whose_archive_links_out_of_the_storage_folder_is_refused_at_step_1_and_writes_nothing_outside()
            throws Exception {
        Path set = Files.createDirectories(target.resolve("crafted-set"));
        Path outside = elsewhere.resolve("owned");
        byte[] archive = archiveWithALinkOut(elsewhere);
        Files.write(set.resolve(BackupSetWriter.STORAGE_ARCHIVE), archive);
        String setId = TestUsers.unique("crafted");
        writeManifest(set, setId, List.of(new BackupFile(BackupSetWriter.STORAGE_ARCHIVE, archive.length, sha256(archive))));
        BackupRunRecord imported = TestUsers.asAdmin(() -> backups.importSet(set.toString()));
        assertThat(imported.status()).as(imported.error()).isEqualTo(RunStatus.SUCCEEDED);
        List<RestoreStep> steps = new CopyOnWriteArrayList<>();

        RestoreOutcome outcome = TestUsers.asAdmin(() -> backups.restore(setId, stackName, steps::add));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failedStep()).isEqualTo(1);
        assertThat(outside).doesNotExist();
        assertThat(sample.storage.resolve("report.csv")).hasContent("a,b\n1,2\n");
        assertThat(stagingFolders()).isEmpty();
        assertThat(sample.backend().state()).isEqualTo("running");
    }

    @Test
    void an_import_whose_manifest_names_a_file_outside_its_folder_fails_without_reading_it() throws Exception {
        Path set = Files.createDirectories(target.resolve("escaping-set"));
        Files.writeString(target.resolve("secret"), "not yours");
        String setId = TestUsers.unique("escape");
        writeManifest(set, setId, List.of(new BackupFile("../secret", 9, sha256("not yours".getBytes()))));

        BackupRunRecord imported = TestUsers.asAdmin(() -> backups.importSet(set.toString()));

        assertThat(imported.status()).isEqualTo(RunStatus.FAILED);
        assertThat(imported.error()).contains("not a path inside the set");
    }

    @Test
    void import_and_restore_through_the_api_answer_202_with_a_handle_and_keep_the_roles_and_the_typed_confirmation() throws Exception {
        BackupRunRecord run = backUp();
        jdbc.update("DELETE FROM backup_run WHERE id = ?", run.id());
        String admin = TestUsers.create(accounts, "restorer", Role.ADMIN);
        String operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
        ApiClient api = new ApiClient(port);
        String token = ApiClient.bearer(api.tokenFor(admin, TestUsers.PASSWORD));
        String operatorToken = ApiClient.bearer(api.tokenFor(operator, TestUsers.PASSWORD));
        String folder = "{\"folder\":\"" + run.location() + "\"}";

        assertThat(api.send("POST", "/api/v1/backups/import", operatorToken, folder).status()).isEqualTo(403);
        ApiClient.Response imported = api.send("POST", "/api/v1/backups/import", token, folder);
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(202);
        assertThat(imported.body().get("id").asText()).isEqualTo(run.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(status(api, token, "/api/v1/backups/" + run.id())));
        assertThat(api.send("POST", "/api/v1/backups/import", token, "{\"folder\":\"relative/path\"}").status()).isEqualTo(400);

        String restorePath = "/api/v1/backups/" + run.id() + "/restore";
        assertThat(api.send("POST", restorePath, operatorToken, "{\"confirm\":\"" + stackName + "\"}").status()).isEqualTo(403);
        assertThat(api.send("POST", restorePath, token, "{\"confirm\":\"not-the-name\"}").status()).isEqualTo(400);
        ApiClient.Response started = api.send("POST", restorePath, token, "{\"confirm\":\"" + stackName + "\"}");
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        String restore = "/api/v1/restores/" + started.body().get("id").asText();
        assertThat(api.send("POST", restorePath, token, "{\"confirm\":\"" + stackName + "\"}").status()).as("the stack is claimed").isEqualTo(409);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> !"RUNNING".equals(status(api, token, restore)));
        JsonNode done = api.send("GET", restore, token, null).body();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("step").asInt()).isEqualTo(7);
        assertThat(done.get("safetySetId").asText()).isNotBlank();
        assertThat(api.send("GET", restore, operatorToken, null).status()).isEqualTo(200);
    }

    private static String status(ApiClient api, String token, String path) {
        return api.send("GET", path, token, null).body().get("status").asText();
    }

    private long countSafetySets() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM backup_run WHERE run_trigger = 'PRE_RESTORE'", Long.class);
    }

    private List<Path> stagingFolders() throws Exception {
        try (Stream<Path> siblings = Files.list(sample.storage.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(sample.storage.getFileName() + RestoreWorkflow.STAGING_MARK))
                    .toList();
        }
    }

    private static void rewriteManifestOnDisk(Path set, String file, Path content) throws Exception {
        ObjectNode manifest = (ObjectNode) BackupSetWriter.JSON.readTree(set.resolve(BackupSetWriter.MANIFEST).toFile());
        for (JsonNode entry : (ArrayNode) manifest.get("files")) {
            if (entry.get("path").asText().equals(file)) {
                ((ObjectNode) entry).put("size", Files.size(content)).put("sha256", sha256(Files.readAllBytes(content)));
            }
        }
        BackupSetWriter.JSON.writeValue(set.resolve(BackupSetWriter.MANIFEST).toFile(), manifest);
    }

    private static void writeManifest(Path set, String setId, List<BackupFile> files) throws Exception {
        Manifest manifest = new Manifest(Manifest.FORMAT, setId, "crafted", "manual", "mallory", Instant.now(), Instant.now(), "0",
                Manifest.StackState.UNKNOWN, List.of(), files);
        Files.writeString(set.resolve(BackupSetWriter.MANIFEST), manifest.toJson());
    }

    /** A storage archive whose folder {@code x} links to {@code outside}, then writes {@code x/owned}. */
    private static byte[] archiveWithALinkOut(Path outside) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(bytes))) {
            TarArchiveEntry link = new TarArchiveEntry("x", TarConstants.LF_SYMLINK);
            link.setLinkName(outside.toString());
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            byte[] payload = "owned\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry file = new TarArchiveEntry("x/owned");
            file.setSize(payload.length);
            tar.putArchiveEntry(file);
            tar.write(payload);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
