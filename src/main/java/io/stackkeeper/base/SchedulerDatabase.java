package io.stackkeeper.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
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
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

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
        Path file = data.resolve("portal-instance-id");
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= 200) {
                String kept = Files.readString(file).strip();
                if (SANE_ID.matcher(kept).matches()) {
                    return kept;
                }
            }
            String made = "portal-" + UUID.randomUUID().toString().substring(0, 13);
            data.writeOwnerOnly("portal-instance-id", made + "\n");
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this portal's instance id in " + file + ": " + e.getMessage(), e);
        }
    }

    static String delegateFor(String jdbcUrl) {
        return DatabaseDriver.fromJdbcUrl(jdbcUrl) == DatabaseDriver.POSTGRESQL ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    }
}
