package io.stackkeeper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Databases of a test's own on the machine's PostgreSQL (127.0.0.1:5432, trust for postgres), dropped at close. */
public final class PostgresDatabases implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    private final List<String> created = new ArrayList<>();

    /** A new empty database; answers its name. */
    public String create() throws SQLException {
        String name = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        created.add(name);
        return name;
    }

    /** A new database migrated to the latest schema, as a data source of its own. */
    public javax.sql.DataSource migrated() throws SQLException {
        String database = create();
        org.springframework.jdbc.datasource.DriverManagerDataSource source = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                SERVER + database, USER, "");
        org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        return source;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, "");
    }

    /** The JVM options that put a forked portal on the database. */
    public static String[] portalOptions(String database) {
        return new String[] {"-Dspring.datasource.url=" + SERVER + database, "-Dspring.datasource.username=" + USER,
                "-Dspring.datasource.password="};
    }

    @Override
    public void close() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement sql = server.createStatement()) {
            for (String database : created) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
