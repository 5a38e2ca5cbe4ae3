package io.stackkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@PortalTest
class MigrationsTest {

    @Autowired
    Flyway flyway;

    @Autowired
    Environment environment;

    @Test
    void every_migration_in_db_is_applied_and_hibernate_validates_the_entities_against_them() throws IOException {
        long files;
        try (Stream<Path> migrations = Files.list(Path.of("db/migration"))) {
            files = migrations.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
        assertThat(flyway.info().applied()).hasSize((int) files)
                .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }
}
