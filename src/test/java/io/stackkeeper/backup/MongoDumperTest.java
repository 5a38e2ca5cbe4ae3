package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;
import io.stackkeeper.stack.MongoStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoDumper against the MongoDB stand-in, with pymongo as an independent reader of what it wrote. */
class MongoDumperTest {

    private static MongoStandIn mongo;
    private static MongoClient client;

    @TempDir
    Path set;

    @BeforeAll
    static void fill() {
        mongo = MongoStandIn.inMemory("4.4.29", "4.4");
        client = MongoClients.create(mongo.uri());
        List<Document> dashboards = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            dashboards.add(new Document("_id", i).append("name", "Dashboard " + i).append("owner", "analyst" + i % 7)
                    .append("tiles", List.of(i, i + 1)).append("note", "é€ unicode " + i));
        }
        client.getDatabase("toucan").getCollection("dashboards").insertMany(dashboards);
        client.getDatabase("toucan").getCollection("dashboards").createIndex(Indexes.ascending("owner"));
        client.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "ada").append("admin", true));
        client.getDatabase("reports").getCollection("monthly").insertOne(new Document("_id", 1).append("total", 12.5));
        client.getDatabase("config").getCollection("settings").insertOne(new Document("_id", 1));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static List<RawBsonDocument> readBson(Path gz) throws IOException {
        List<RawBsonDocument> documents = new ArrayList<>();
        try (BsonDumpReader reader = new BsonDumpReader(gz)) {
            RawBsonDocument document;
            while ((document = reader.next()) != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @Test
    void every_collection_is_dumped_in_the_mongodump_gzip_layout_with_checksums_that_match_the_files() throws Exception {
        List<Long> progress = new ArrayList<>();
        MongoDumper.Dump dump = new MongoDumper(client, 2, 6).dump(set, false, (c, docs, bytes) -> {
            synchronized (progress) {
                progress.add(docs);
            }
        });
        assertThat(dump.collections()).extracting(c -> c.database() + "." + c.collection() + "=" + c.documents())
                .containsExactlyInAnyOrder("toucan.dashboards=2500", "toucan.users=1", "reports.monthly=1");
        assertThat(set.resolve("mongo/toucan/dashboards.bson.gz")).exists();
        assertThat(set.resolve("mongo/toucan/dashboards.metadata.json.gz")).exists();
        assertThat(set.resolve("mongo/config")).doesNotExist();
        assertThat(progress).contains(2502L);
        for (BackupFile file : dump.files()) {
            byte[] content = Files.readAllBytes(set.resolve(file.path()));
            assertThat(content.length).isEqualTo(file.size());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))).isEqualTo(file.sha256());
        }
    }

    @Test
    void the_dumped_documents_are_byte_for_byte_the_servers_and_the_metadata_keeps_the_indexes() throws Exception {
        new MongoDumper(client, 2, 1).dump(set, false, DumpProgress.NONE);
        List<RawBsonDocument> dumped = readBson(set.resolve("mongo/toucan/dashboards.bson.gz"));
        List<RawBsonDocument> source = new ArrayList<>();
        client.getDatabase("toucan").getCollection("dashboards", RawBsonDocument.class).find().into(source);
        assertThat(dumped).hasSize(2500).containsExactlyInAnyOrderElementsOf(source);
        String metadata;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(set.resolve("mongo/toucan/dashboards.metadata.json.gz")))) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document parsed = Document.parse(metadata);
        assertThat(parsed.getString("collectionName")).isEqualTo("dashboards");
        assertThat(parsed.getString("type")).isEqualTo("collection");
        assertThat(parsed.getList("indexes", Document.class)).extracting(i -> i.getString("name")).contains("_id_", "owner_1");
    }

    @Test
    void debians_pymongo_reads_our_bson_files_independently() throws Exception {
        new MongoDumper(client, 1, 6).dump(set, false, DumpProgress.NONE);
        Process python = new ProcessBuilder("/usr/bin/python3", "-c",
                "import bson, gzip, sys\n"
                        + "docs = list(bson.decode_file_iter(gzip.open(sys.argv[1])))\n"
                        + "print(len(docs), docs[0]['note'] if docs else '')",
                set.resolve("mongo/toucan/dashboards.bson.gz").toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output).startsWith("2500 ").contains("é€ unicode");
    }

    @Test
    void system_databases_are_dumped_only_when_asked() {
        MongoDumper.Dump dump = new MongoDumper(client, 2, 6).dump(set, true, DumpProgress.NONE);
        assertThat(dump.collections()).extracting(DumpedCollection::database).contains("config");
    }
}
