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
        long files = migrations("db/migration").size() + migrations("db/vendor/h2").size();
        assertThat(flyway.info().applied()).hasSize((int) files)
                .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void every_migration_whose_sql_differs_by_database_has_its_version_for_each_database() throws IOException {
        assertThat(migrations("db/vendor/postgresql")).isEqualTo(migrations("db/vendor/h2")).isNotEmpty();
        assertThat(migrations("db/migration")).doesNotContainAnyElementsOf(migrations("db/vendor/h2"));
    }

    private static java.util.Set<String> migrations(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
