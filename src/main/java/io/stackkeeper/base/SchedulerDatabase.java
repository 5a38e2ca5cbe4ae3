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

    @Bean
    SchedulerFactoryBeanCustomizer delegateForTheDatabase(QuartzProperties quartz, DataSourceProperties dataSource) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.put(DELEGATE, delegateFor(dataSource.determineUrl()));
            factory.setQuartzProperties(properties);
        };
    }

    static String delegateFor(String jdbcUrl) {
        return DatabaseDriver.fromJdbcUrl(jdbcUrl) == DatabaseDriver.POSTGRESQL ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    }
}
