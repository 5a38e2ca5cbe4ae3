package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.stack.MongoStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole backup set on real parts: the MongoDB stand-in and a storage folder on disk. */
class BackupSetWriterTest {

    private static MongoStandIn mongo;
    private static MongoClient client;

    @TempDir
    Path work;

    @BeforeAll
    static void fill() {
        mongo = MongoStandIn.inMemory("4.4.29", "4.4");
        client = MongoClients.create(mongo.uri());
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            documents.add(new Document("_id", i).append("v", "value " + i));
        }
        client.getDatabase("toucan").getCollection("items").insertMany(documents);
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private Path storage() throws IOException {
        Path storage = Files.createDirectories(work.resolve("storage/sub"));
        Files.writeString(storage.resolve("file.txt"), "stored");
        return storage.getParent();
    }

    private BackupSetWriter.Request request(String id, Path storage) {
        return new BackupSetWriter.Request(id, "nightly", "manual", "ops", client, false, storage, 2, 3, "test",
                new Manifest.StackState("backend:89.0.0", "89.0.0", "sha256:b", "frontend:89.0.0", "89.0.0", "sha256:f", "4.4.29", "4.4"));
    }

    @Test
    void a_set_is_complete_only_after_the_rename_and_its_manifest_lists_every_file_with_a_matching_checksum() throws IOException {
        Path target = work.resolve("backups");
        List<Long> documents = new ArrayList<>();
        Manifest manifest = new BackupSetWriter(Clock.systemUTC(), total -> 0).write(target, request("20261125-020000", storage()), 0,
                (current, docs, bytes) -> {
                    synchronized (documents) {
                        documents.add(docs);
                    }
                });
        Path set = target.resolve("20261125-020000");
        assertThat(set.resolve("manifest.json")).exists();
        assertThat(set.resolve("mongo/toucan/items.bson.gz")).exists();
        assertThat(set.resolve("storage.tar.zst")).exists();
        try (var entries = Files.list(target)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("20261125-020000");
        }
        assertThat(manifest.documents()).isEqualTo(1500);
        assertThat(manifest.files()).extracting(BackupFile::path)
                .containsExactly("mongo/toucan/items.bson.gz", "mongo/toucan/items.metadata.json.gz", "storage.tar.zst");
        assertThat(manifest.stack().mongoVersion()).isEqualTo("4.4.29");
        assertThat(documents).contains(1500L);
        assertThat(BackupSetWriter.verify(set)).isEmpty();
        Manifest read = BackupSetWriter.JSON.readValue(set.resolve("manifest.json").toFile(), Manifest.class);
        assertThat(read).isEqualTo(manifest);
    }

    @Test
    void verify_names_each_corrupted_or_missing_file() throws IOException {
        Path target = work.resolve("backups");
        new BackupSetWriter(Clock.systemUTC(), total -> 0).write(target, request("set-1", storage()), 0, (c, d, b) -> { });
        Path set = target.resolve("set-1");
        byte[] archive = Files.readAllBytes(set.resolve("storage.tar.zst"));
        archive[archive.length / 2] ^= 0x5a;
        Files.write(set.resolve("storage.tar.zst"), archive);
        Files.delete(set.resolve("mongo/toucan/items.metadata.json.gz"));
        assertThat(BackupSetWriter.verify(set)).containsExactlyInAnyOrder(
                "mongo/toucan/items.metadata.json.gz: missing", "storage.tar.zst: checksum differs from the manifest");
    }

    @Test
    void a_failure_half_way_leaves_no_set_and_no_partial_folder() throws IOException {
        Path target = work.resolve("backups");
        Path missingStorage = work.resolve("no-such-storage");
        assertThatThrownBy(() -> new BackupSetWriter(Clock.systemUTC(), total -> 0).write(target, request("set-2", missingStorage), 0, (c, d, b) -> { }))
                .isInstanceOf(RuntimeException.class);
        try (var entries = Files.list(target)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void partial_folders_left_by_a_crash_are_removed_at_start() throws IOException {
        Path target = Files.createDirectories(work.resolve("backups"));
        Files.createDirectories(target.resolve(".partial-old/mongo"));
        Files.createDirectories(target.resolve("complete-set"));
        assertThat(BackupSetWriter.removePartials(target, run -> true)).containsExactly(".partial-old");
        try (var entries = Files.list(target)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("complete-set");
        }
    }

    @Test
    void a_relative_target_and_too_little_space_are_refused() {
        assertThatThrownBy(() -> new BackupSetWriter(Clock.systemUTC(), total -> 0).write(Path.of("relative"), request("x", null), 0, (c, d, b) -> { }))
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> new BackupSetWriter(Clock.systemUTC(), total -> 0).write(work.resolve("b"), request("x", null), Long.MAX_VALUE / 2,
                (c, d, b) -> { })).hasMessageContaining("Not enough free space");
        assertThat(BackupSetWriter.fits(1100, 1000, 0)).isTrue();
        assertThat(BackupSetWriter.fits(1099, 1000, 0)).isFalse();
        assertThat(BackupSetWriter.fits(3100, 1000, 2000)).isTrue();
        assertThat(BackupSetWriter.fits(3099, 1000, 2000)).isFalse();
    }

    @Test
    void a_backup_that_would_eat_into_the_reserve_does_not_start_and_says_how_much_is_free_and_needed() {
        assertThatThrownBy(() -> new BackupSetWriter(Clock.systemUTC(), total -> total).write(work.resolve("c"), request("x", null), 0,
                (c, d, b) -> { })).hasMessageContaining("Not enough free space").hasMessageContaining("MB free")
                .hasMessageContaining("must stay free");
        assertThat(work.resolve("c")).isEmptyDirectory();
    }

    @Test
    void a_set_is_readable_by_the_portals_user_only() throws IOException {
        Path target = work.resolve("private");
        new BackupSetWriter(Clock.systemUTC(), total -> 0).write(target, request("set-p", storage()), 0, (c, d, b) -> { });
        try (var paths = java.nio.file.Files.walk(target.resolve("set-p"))) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(path)))
                        .as(path.toString()).isEqualTo(java.nio.file.Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }
}
