package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MongoAdmin against the MongoDB stand-in server (real driver, real wire protocol). */
class MongoAdminTest {

    private static MongoStandInServer mongo;

    @BeforeAll
    static void startStandIn() {
        mongo = MongoStandInServer.inMemory("4.4.29", "4.2");
        mongo.createUser("stack", "right-password");
        try (var client = MongoClients.create(mongo.uri())) {
            client.getDatabase("toucan").getCollection("dashboards").insertMany(List.of(new Document("n", 1), new Document("n", 2)));
            client.getDatabase("toucan").getCollection("users").insertOne(new Document("name", "ada"));
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static MongoAdmin admin(String uri) {
        return new MongoAdmin(uri, Duration.ofSeconds(3));
    }

    @Test
    void reports_the_server_version_the_fcv_and_the_databases_with_their_collections() {
        try (MongoAdmin admin = admin(mongo.uri())) {
            admin.ping();
            MongoFacts facts = admin.facts();
            assertThat(facts.version()).isEqualTo("4.4.29");
            assertThat(facts.featureCompatibilityVersion()).isEqualTo("4.2");
            assertThat(facts.databases()).extracting(MongoFacts.Database::name).contains("toucan").doesNotContain("admin");
            MongoFacts.Database toucan = facts.databases().stream().filter(d -> d.name().equals("toucan")).findFirst().orElseThrow();
            assertThat(toucan.collections()).extracting(MongoFacts.Collection::name, MongoFacts.Collection::documents)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("dashboards", 2L), org.assertj.core.groups.Tuple.tuple("users", 1L));
        }
    }

    @Test
    void sets_the_feature_compatibility_version() {
        try (MongoAdmin admin = admin(mongo.uri())) {
            admin.setFeatureCompatibilityVersion("4.4");
            assertThat(admin.featureCompatibilityVersion()).isEqualTo("4.4");
            admin.setFeatureCompatibilityVersion("4.2");
        }
    }

    @Test
    void the_right_password_authenticates_with_scram_sha_256() {
        try (MongoAdmin admin = admin("mongodb://stack:right-password@127.0.0.1:" + mongo.port() + "/?authSource=admin")) {
            assertThat(admin.version()).isEqualTo("4.4.29");
        }
    }

    @Test
    void a_wrong_password_gives_a_precise_authentication_failure() {
        try (MongoAdmin admin = admin("mongodb://stack:wrong-password@127.0.0.1:" + mongo.port() + "/?authSource=admin")) {
            assertThatThrownBy(admin::ping).isInstanceOf(StackException.class)
                    .hasMessageContaining("refused the credentials").hasMessageContaining("'stack'");
        }
    }

    @Test
    void an_unreachable_server_fails_within_the_timeout_with_its_address() {
        long start = System.nanoTime();
        try (MongoAdmin admin = new MongoAdmin("mongodb://127.0.0.1:1/", Duration.ofSeconds(1))) {
            assertThatThrownBy(admin::ping).isInstanceOf(StackException.class)
                    .hasMessageContaining("127.0.0.1:1").hasMessageContaining("not reachable");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_malformed_uri_is_refused_with_the_reason() {
        assertThatThrownBy(() -> admin("mongo://nope")).isInstanceOf(StackException.class).hasMessageContaining("malformed");
    }
}
