package io.stackkeeper.base;

import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Portals of a test on one real database, without a whole portal each: Quartz's check-in rows are written by the test
 * (a portal "stops" when its row goes, as Quartz deletes it), and each portal has its own instance id.
 */
public final class TestPortals {

    private TestPortals() {
    }

    /** The portal {@code instance} on {@code database}, counted in as Quartz would. */
    public static PortalInstances instances(String instance, DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        checkIn(instance, database);
        Scheduler scheduler = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getSchedulerInstanceId")) {
                        return instance;
                    }
                    if (method.getName().equals("getSchedulerName")) {
                        return "quartzScheduler";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PortalInstances(scheduler, jdbc);
    }

    /** The turns the portals take on {@code database}. */
    public static PortalTurns turns(DataSource database) {
        return new PortalTurns(new JdbcTemplate(database), properties(((org.springframework.jdbc.datasource.DriverManagerDataSource) database).getUrl()));
    }

    /** A check-in that counts for the next minute or so, as if the portal kept checking in. */
    public static void checkIn(String instance, DataSource database) {
        new JdbcTemplate(database).update("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL)"
                + " VALUES ('quartzScheduler', ?, ?, 5000)", instance, System.currentTimeMillis() + 60_000);
    }

    /** What Quartz does once a portal stopped checking in: its row goes. */
    public static void stop(String instance, DataSource database) {
        new JdbcTemplate(database).update("DELETE FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = ?", instance);
    }

    /** The news of a portal on the PostgreSQL {@code url}, heard by {@code hears}, sealed with {@code secret}; started. */
    public static PortalNews news(PortalInstances instances, String url, String secret, ApplicationEventPublisher hears) {
        PortalNews news = new PortalNews(properties(url), instances, hears, new SecretCipher(secret), java.time.Clock.systemUTC());
        news.start();
        return news;
    }

    public static org.springframework.boot.autoconfigure.jdbc.DataSourceProperties properties(String url) {
        org.springframework.boot.autoconfigure.jdbc.DataSourceProperties properties = new org.springframework.boot.autoconfigure.jdbc.DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername(io.stackkeeper.PostgresDatabases.USER);
        properties.setPassword("");
        return properties;
    }

    public static void stop(PortalNews news) {
        news.stop();
    }
}
