package io.stackkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal on the machine's PostgreSQL (127.0.0.1:5432): each test creates its own database and drops it. The
 * migrations apply on an empty database and on one of the previous release; the whole portal starts on it.
 */
class PostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";
    /** The schema of the release before PostgreSQL came: what an H2 install upgrades from, here on PostgreSQL. */
    private static final String PREVIOUS_RELEASE = "15";

    private final List<String> databases = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void dropTheDatabases() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement sql = server.createStatement()) {
            for (String database : databases) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void the_migrations_apply_on_an_empty_database_and_on_one_of_the_previous_release() throws SQLException {
        String empty = newDatabase();
        MigrateResult fresh = flyway(empty, null).migrate();
        assertThat(fresh.success).isTrue();
        assertThat(fresh.migrationsExecuted).isEqualTo(flyway(empty, null).info().applied().length).isGreaterThan(15);

        String previous = newDatabase();
        flyway(previous, PREVIOUS_RELEASE).migrate();
        try (Connection db = DriverManager.getConnection(SERVER + previous, USER, ""); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO log_incident (part, container_name, kind, summary, happened_at, last_at, occurrences, last_lines)"
                    + " VALUES ('backend', 'sk-backend', 'SEGFAULT', 'segmentation fault', now(), now(), 1, 'line one\nline two')");
        }
        MigrateResult upgraded = flyway(previous, null).migrate();
        assertThat(upgraded.success).isTrue();
        assertThat(upgraded.migrationsExecuted).isPositive();
        try (Connection db = DriverManager.getConnection(SERVER + previous, USER, ""); Statement sql = db.createStatement();
                ResultSet kept = sql.executeQuery("SELECT last_lines FROM log_incident")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("line one\nline two");
        }
        assertThat(flyway(previous, null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void the_portal_starts_on_postgresql_with_its_clustered_scheduler_and_an_admin_signs_in() throws Exception {
        String database = newDatabase();
        try (ForkedPortal portal = new ForkedPortal(dir.resolve("data"), "-Dspring.datasource.url=" + SERVER + database,
                "-Dspring.datasource.username=" + USER, "-Dspring.datasource.password=")) {
            String token = portal.start();

            assertThat(token).isNotBlank();
            assertThat(portal.api().send("GET", "/api/v1/backup-plans", ApiClient.bearer(token), null).status()).isEqualTo(200);
            try (Connection db = DriverManager.getConnection(SERVER + database, USER, ""); Statement sql = db.createStatement();
                    ResultSet schedulers = sql.executeQuery("SELECT count(*) FROM qrtz_scheduler_state")) {
                assertThat(schedulers.next()).isTrue();
                assertThat(schedulers.getInt(1)).as("the clustered scheduler checked in").isEqualTo(1);
            }
        }
    }

    private String newDatabase() throws SQLException {
        String name = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        databases.add(name);
        return name;
    }

    private static Flyway flyway(String database, String target) {
        var configuration = Flyway.configure().dataSource(SERVER + database, USER, "")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
