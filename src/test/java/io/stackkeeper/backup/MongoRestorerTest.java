package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;
import io.stackkeeper.stack.MongoStandIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dump one stand-in server, restore into a clean one: every document and index comes back. */
class MongoRestorerTest {

    @TempDir
    Path set;

    @Test
    void a_dump_restored_into_a_clean_server_holds_every_document_and_index() {
        try (MongoStandIn source = MongoStandIn.inMemory("4.4.29", "4.4");
                MongoStandIn clean = MongoStandIn.inMemory("4.4.29", "4.4");
                MongoClient from = MongoClients.create(source.uri());
                MongoClient to = MongoClients.create(clean.uri())) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2345; i++) {
                documents.add(new Document("_id", i).append("owner", "o" + i % 9).append("nested", new Document("list", List.of(i, "x"))));
            }
            from.getDatabase("toucan").getCollection("dashboards").insertMany(documents);
            from.getDatabase("toucan").getCollection("dashboards").createIndex(Indexes.ascending("owner"));
            from.getDatabase("other").getCollection("things").insertOne(new Document("_id", "only"));
            MongoDumper.Dump dump = new MongoDumper(from, 2, 6).dump(set, false, DumpProgress.NONE);

            List<Long> progress = new ArrayList<>();
            List<MongoRestorer.Restored> restored = new MongoRestorer(to, 500).restore(set, dump.collections(), name -> name,
                    (c, d, b) -> progress.add(d));

            assertThat(restored).extracting(r -> r.database() + "." + r.collection() + "=" + r.documents())
                    .containsExactlyInAnyOrder("toucan.dashboards=2345", "other.things=1");
            List<RawBsonDocument> original = new ArrayList<>();
            from.getDatabase("toucan").getCollection("dashboards", RawBsonDocument.class).find().into(original);
            List<RawBsonDocument> back = new ArrayList<>();
            to.getDatabase("toucan").getCollection("dashboards", RawBsonDocument.class).find().into(back);
            assertThat(back).containsExactlyInAnyOrderElementsOf(original);
            List<Document> indexes = new ArrayList<>();
            to.getDatabase("toucan").getCollection("dashboards").listIndexes().into(indexes);
            assertThat(indexes).extracting(i -> i.getString("name")).contains("owner_1");
            assertThat(progress).contains(2346L);
        }
    }

    @Test
    void a_drill_restores_into_scratch_databases_on_the_same_server() {
        try (MongoStandIn server = MongoStandIn.inMemory("4.4.29", "4.4"); MongoClient client = MongoClients.create(server.uri())) {
            client.getDatabase("toucan").getCollection("users").insertOne(new Document("_id", "ada"));
            MongoDumper.Dump dump = new MongoDumper(client, 1, 6).dump(set, false, DumpProgress.NONE);
            new MongoRestorer(client, 100).restore(set, dump.collections(), name -> "stackkeeper_drill_7_" + name, DumpProgress.NONE);
            assertThat(client.getDatabase("stackkeeper_drill_7_toucan").getCollection("users").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("toucan").getCollection("users").countDocuments()).isEqualTo(1);
        }
    }
}
