package io.stackkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static final String SERVER = PostgresDatabases.SERVER;
    private static final String USER = PostgresDatabases.USER;
    /** The schema of the release before PostgreSQL came: what an H2 install upgrades from, here on PostgreSQL. */
    private static final String PREVIOUS_RELEASE = "15";

    private final PostgresDatabases databases = new PostgresDatabases();

    @TempDir
    Path dir;

    @AfterEach
    void dropTheDatabases() throws SQLException {
        databases.close();
    }

    @Test
    void the_migrations_apply_on_an_empty_database_and_on_one_of_the_previous_release() throws SQLException {
        String empty = newDatabase();
        MigrateResult fresh = flyway(empty, null).migrate();
        assertThat(fresh.success).isTrue();
        assertThat(fresh.migrationsExecuted).isEqualTo(flyway(empty, null).info().applied().length).isGreaterThan(15);

        String previous = newDatabase();
        flyway(previous, PREVIOUS_RELEASE).migrate();
        try (Connection db = databases.connect(previous); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO log_incident (part, container_name, kind, summary, happened_at, last_at, occurrences, last_lines)"
                    + " VALUES ('backend', 'sk-backend', 'SEGFAULT', 'segmentation fault', now(), now(), 1, 'line one\nline two')");
        }
        MigrateResult upgraded = flyway(previous, null).migrate();
        assertThat(upgraded.success).isTrue();
        assertThat(upgraded.migrationsExecuted).isPositive();
        try (Connection db = databases.connect(previous); Statement sql = db.createStatement();
                ResultSet kept = sql.executeQuery("SELECT last_lines FROM log_incident")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("line one\nline two");
        }
        assertThat(flyway(previous, null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void the_portal_starts_on_postgresql_with_its_clustered_scheduler_and_an_admin_signs_in() throws Exception {
        String database = newDatabase();
        try (ForkedPortal portal = new ForkedPortal(dir.resolve("data"), PostgresDatabases.portalOptions(database))) {
            String token = portal.start();

            assertThat(token).isNotBlank();
            assertThat(portal.api().send("GET", "/api/v1/backup-plans", ApiClient.bearer(token), null).status()).isEqualTo(200);
            try (Connection db = databases.connect(database); Statement sql = db.createStatement();
                    ResultSet schedulers = sql.executeQuery("SELECT count(*) FROM qrtz_scheduler_state")) {
                assertThat(schedulers.next()).isTrue();
                assertThat(schedulers.getInt(1)).as("the clustered scheduler checked in").isEqualTo(1);
            }
        }
    }

    private String newDatabase() throws SQLException {
        return databases.create();
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
