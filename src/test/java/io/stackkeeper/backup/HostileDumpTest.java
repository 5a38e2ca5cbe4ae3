package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.stackkeeper.stack.MongoStandIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB names, dump files and servers that try to break a backup: names with {@code /} and {@code ..}, corrupt and
 * truncated files, a restore that fails halfway, a connection lost mid-collection, a dump file rewritten after the fact.
 */
class HostileDumpTest {

    private static final List<String> HOSTILE_NAMES = List.of("a/b", "c/../../../../x", "with space", "100%", "gr\u00fc\u00dfe-\u65e5\u672c");

    @TempDir
    Path work;

    private List<String> everyFileUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(path -> work.relativize(path).toString()).sorted().toList();
        }
    }

    @Test
    void collections_named_with_slashes_dots_spaces_percent_and_non_ascii_are_dumped_restored_and_drilled_inside_the_set()
            throws Exception {
        Path set = Files.createDirectories(work.resolve("sets/one"));
        try (MongoStandIn source = MongoStandIn.inMemory("4.4.29", "4.4");
                MongoStandIn clean = MongoStandIn.inMemory("4.4.29", "4.4");
                MongoClient from = MongoClients.create(source.uri());
                MongoClient to = MongoClients.create(clean.uri())) {
            for (String name : HOSTILE_NAMES) {
                from.getDatabase("toucan").getCollection(name).insertMany(List.of(new Document("_id", 1).append("name", name),
                        new Document("_id", 2)));
            }
            List<String> before = everyFileUnder(work);

            MongoDumper.Dump dump = new MongoDumper(from, 2, 6).dump(set, false, DumpProgress.NONE);

            List<String> written = new ArrayList<>(everyFileUnder(work));
            written.removeAll(before);
            assertThat(written).allMatch(path -> path.startsWith("sets/one/"));
            try (Stream<Path> files = Files.list(set.resolve("mongo/toucan"))) {
                assertThat(files.map(p -> p.getFileName().toString())).contains("a%2Fb.bson.gz", "c%2F..%2F..%2F..%2F..%2Fx.bson.gz",
                        "with%20space.bson.gz", "100%25.bson.gz", "gr%C3%BC%C3%9Fe-%E6%97%A5%E6%9C%AC.bson.gz");
            }
            assertThat(dump.collections()).extracting(DumpedCollection::collection).containsAll(HOSTILE_NAMES);

            new MongoRestorer(to, 100).restore(set, dump.collections(), name -> name, DumpProgress.NONE);
            for (String name : HOSTILE_NAMES) {
                assertThat(to.getDatabase("toucan").getCollection(name).countDocuments()).as(name).isEqualTo(2);
                assertThat(to.getDatabase("toucan").getCollection(name).find(new Document("_id", 1)).first()).containsEntry("name", name);
            }
            RestoreDrill.Result drill = new RestoreDrill(from, 100).run(set, dump.collections(), DumpProgress.NONE);
            assertThat(drill.ok()).as(drill.report()).isTrue();
            assertThat(drill.collections()).hasSize(HOSTILE_NAMES.size());
        }
    }

    @Test
    void a_restore_that_fails_while_loading_leaves_every_original_collection_as_it_was() throws Exception {
        Path set = work.resolve("set");
        try (MongoStandIn server = MongoStandIn.inMemory("4.4.29", "4.4"); MongoClient client = MongoClients.create(server.uri())) {
            client.getDatabase("toucan").getCollection("first").insertOne(new Document("_id", "dumped"));
            client.getDatabase("toucan").getCollection("second").insertOne(new Document("_id", "dumped"));
            MongoDumper.Dump dump = new MongoDumper(client, 1, 6).dump(set, false, DumpProgress.NONE);
            client.getDatabase("toucan").getCollection("first").insertOne(new Document("_id", "after"));
            client.getDatabase("toucan").getCollection("second").insertOne(new Document("_id", "after"));
            Path second = DumpNames.bson(set.resolve("mongo"), "toucan", "second");
            byte[] whole = Files.readAllBytes(second);
            Files.write(second, java.util.Arrays.copyOf(whole, whole.length / 2));
            List<DumpedCollection> firstThenSecond = dump.collections().stream()
                    .sorted(java.util.Comparator.comparing(DumpedCollection::collection)).toList();

            assertThatThrownBy(() -> new MongoRestorer(client, 100).restore(set, firstThenSecond, name -> name, DumpProgress.NONE))
                    .hasMessageContaining("truncated");

            assertThat(client.getDatabase("toucan").getCollection("first").countDocuments()).isEqualTo(2);
            assertThat(client.getDatabase("toucan").getCollection("second").countDocuments()).isEqualTo(2);
            assertThat(client.getDatabase("toucan").listCollectionNames().into(new ArrayList<>()))
                    .noneMatch(name -> name.startsWith(MongoRestorer.TEMPORARY_PREFIX));
        }
    }

    @Test
    void a_manifest_that_names_a_system_collection_is_never_restored() throws Exception {
        try (MongoStandIn server = MongoStandIn.inMemory("4.4.29", "4.4"); MongoClient client = MongoClients.create(server.uri())) {
            List<DumpedCollection> hostile = List.of(new DumpedCollection("admin", "system.users", 1, 10));
            assertThatThrownBy(() -> new MongoRestorer(client, 100).restore(work, hostile, name -> name, DumpProgress.NONE))
                    .hasMessageContaining("never restored");
            List<DumpedCollection> badDatabase = List.of(new DumpedCollection("..", "x", 1, 10));
            assertThatThrownBy(() -> new MongoRestorer(client, 100).restore(work, badDatabase, name -> name, DumpProgress.NONE))
                    .hasMessageContaining("never restored");
        }
    }

    @Test
    void a_connection_lost_mid_collection_dumps_it_again_from_its_start_and_says_so() throws Exception {
        Path set = work.resolve("set");
        try (MongoStandIn server = MongoStandIn.inMemory("4.4.29", "4.4"); MongoClient client = MongoClients.create(server.uri())) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                documents.add(new Document("_id", i));
            }
            client.getDatabase("toucan").getCollection("events").insertMany(documents);
            AtomicBoolean failedOnce = new AtomicBoolean();
            List<String> retries = new CopyOnWriteArrayList<>();
            List<Long> progress = new CopyOnWriteArrayList<>();
            DumpProgress flaky = new DumpProgress() {
                @Override
                public void advanced(String collection, long documentsDone, long bytesDone) {
                    progress.add(documentsDone);
                    if (documentsDone >= 2000 && failedOnce.compareAndSet(false, true)) {
                        throw new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
                    }
                }

                @Override
                public void retrying(String collection, int attempt, String why) {
                    retries.add(collection + " attempt " + attempt + ": " + why);
                }
            };

            MongoDumper.Dump dump = new MongoDumper(client, 1, 6).dump(set, false, flaky);

            assertThat(retries).containsExactly("toucan.events attempt 2: Prematurely reached end of stream");
            assertThat(dump.collections()).singleElement().extracting(DumpedCollection::documents).isEqualTo(2500L);
            assertThat(progress).last().isEqualTo(2500L);
            List<RawBsonDocument> read = new ArrayList<>();
            try (BsonDumpReader reader = new BsonDumpReader(DumpNames.bson(set.resolve("mongo"), "toucan", "events"))) {
                for (RawBsonDocument document = reader.next(); document != null; document = reader.next()) {
                    read.add(document);
                }
            }
            assertThat(read).hasSize(2500);
        }
    }

    @Test
    void a_drill_compares_with_the_digests_recorded_at_dump_time_not_with_the_dump_file() throws Exception {
        Path set = work.resolve("set");
        try (MongoStandIn server = MongoStandIn.inMemory("4.4.29", "4.4"); MongoClient client = MongoClients.create(server.uri())) {
            client.getDatabase("toucan").getCollection("users").insertMany(List.of(new Document("_id", "ada"), new Document("_id", "bob")));
            MongoDumper.Dump dump = new MongoDumper(client, 1, 6).dump(set, false, DumpProgress.NONE);
            client.getDatabase("stackkeeper_drill_left_toucan").getCollection("x").insertOne(new Document("_id", 1));
            Path users = DumpNames.bson(set.resolve("mongo"), "toucan", "users");
            Files.write(users, gzip(bson(new Document("_id", "ada")), bson(new Document("_id", "mallory"))));

            RestoreDrill.Result drill = new RestoreDrill(client, 100).run(set, dump.collections(), DumpProgress.NONE);

            assertThat(drill.ok()).isFalse();
            assertThat(drill.report()).contains("toucan.users: 2/2 documents, digest differs");
            MongoDumper.Dump again = new MongoDumper(client, 1, 6).dump(work.resolve("set2"), false, DumpProgress.NONE);
            assertThat(again.collections()).extracting(DumpedCollection::database).doesNotContain("stackkeeper_drill_left_toucan");
        }
    }

    @Test
    void a_corrupt_length_is_refused_before_anything_is_allocated_and_a_truncated_file_is_an_error() throws Exception {
        Path huge = work.resolve("huge.bson.gz");
        Files.write(huge, gzip(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE).putInt(0).array()));
        try (BsonDumpReader reader = new BsonDumpReader(huge)) {
            assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessageContaining("not valid BSON");
        }
        byte[] two = gzip(bson(new Document("_id", 1)), bson(new Document("_id", 2)));
        Path whole = Files.write(work.resolve("whole.bson.gz"), two);
        try (BsonDumpReader reader = new BsonDumpReader(whole)) {
            assertThat(reader.next()).isNotNull();
            assertThat(reader.next()).isNotNull();
            assertThat(reader.next()).isNull();
        }
        for (int cut : new int[] {two.length - 4, two.length / 2, 12}) {
            Path truncated = Files.write(work.resolve("cut-" + cut + ".bson.gz"), java.util.Arrays.copyOf(two, cut));
            assertThatThrownBy(() -> {
                try (BsonDumpReader reader = new BsonDumpReader(truncated)) {
                    while (reader.next() != null) {
                        // read to the end
                    }
                }
            }).as("cut at " + cut).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        }
    }

    private static byte[] bson(Document document) {
        RawBsonDocument raw = RawBsonDocument.parse(document.toJson());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return bytes;
    }

    private static byte[] gzip(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (byte[] part : parts) {
                gzip.write(part);
            }
        }
        return out.toByteArray();
    }
}
