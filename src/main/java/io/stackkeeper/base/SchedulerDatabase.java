package io.stackkeeper.base;

import java.util.Properties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC store on the portal's database, whichever it is: PostgreSQL keeps job data as {@code BYTEA}, which
 * only Quartz's PostgreSQL delegate reads; H2 takes the standard one. The store is clustered (see
 * application.properties), so portals on one database share the schedules and each firing runs once.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerDatabase {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    static final String INSTANCE_ID = "org.quartz.scheduler.instanceId";
    private static final java.util.regex.Pattern SANE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Bean
    SchedulerFactoryBeanCustomizer delegateForTheDatabase(QuartzProperties quartz, DataSourceProperties dataSource, DataFolder data) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.put(DELEGATE, delegateFor(dataSource.determineUrl()));
            properties.put(INSTANCE_ID, instanceId(data));
            factory.setQuartzProperties(properties);
        };
    }

    /**
     * This portal's id in the cluster, kept in its data folder: the same across restarts, so that a restarted portal
     * knows its earlier runs as its own (over), and another portal never takes them for a live portal's.
     */
    static String instanceId(DataFolder data) {
        java.nio.file.Path file = data.resolve("portal-instance-id");
        try {
            if (java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && java.nio.file.Files.size(file) <= 200) {
                String kept = java.nio.file.Files.readString(file).strip();
                if (SANE_ID.matcher(kept).matches()) {
                    return kept;
                }
            }
            String made = "portal-" + java.util.UUID.randomUUID().toString().substring(0, 13);
            data.writeOwnerOnly("portal-instance-id", made + "\n");
            return made;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot keep this portal's instance id in " + file + ": " + e.getMessage(), e);
        }
    }

    static String delegateFor(String jdbcUrl) {
        return DatabaseDriver.fromJdbcUrl(jdbcUrl) == DatabaseDriver.POSTGRESQL ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    }
}
