package io.stackkeeper.base;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portals that share the database, as Quartz's clustered job store knows them. Each portal keeps one instance id
 * across restarts (kept in its data folder), and checks in every few seconds; once one stops checking in, another
 * portal's Quartz recovers its firings and deletes its check-in row. Work of a portal whose check-in is gone or older
 * than two intervals and 7.5 s, or of this portal's previous life, may be taken over. Check-ins are judged by the
 * clocks of the portals, as Quartz does: keep them in step (NTP); a portal paused for longer than about 17 s counts as
 * stopped.
 */
@Component
public class PortalInstances implements SmartInitializingSingleton {

    /**
     * A check-in counts while it is less than two intervals and 7.5 s old (Quartz deems a portal failed after one
     * interval and 7.5 s): a row that a stopped portal left, when no portal was running to remove it, does not count.
     */
    private static final long TWIN_WATCH_MILLIS = 10_000;
    private static final String RECENT = " AND LAST_CHECKIN_TIME + 2 * CHECKIN_INTERVAL + 7500 >= ?";

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;

    PortalInstances(Scheduler scheduler, JdbcTemplate jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    /**
     * Before Quartz starts: refuses to start beside a running portal with this portal's instance id (a copied data
     * folder), which would take this portal's work for its own. A check-in of this id that is recent is watched for two
     * intervals: a portal restarted at once after a stop sees it stand still.
     */
    @Override
    public void afterSingletonsInstantiated() {
        String url = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());
        if (DatabaseDriver.fromJdbcUrl(url) != DatabaseDriver.POSTGRESQL) {
            return; // an embedded H2 database is one process's: no twin can share it
        }
        Long seen = lastCheckIn();
        if (seen == null || System.currentTimeMillis() - seen > TWIN_WATCH_MILLIS + 7_500) {
            return;
        }
        try {
            Thread.sleep(TWIN_WATCH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Long again = lastCheckIn();
        if (again != null && again > seen) {
            throw new IllegalStateException("Another running portal checks in with this portal's instance id " + mine()
                    + " (was its data folder copied?). Give each portal its own data folder, or remove portal-instance-id from this"
                    + " one's to give it a new id.");
        }
    }

    private Long lastCheckIn() {
        List<Long> times = jdbc.queryForList("SELECT LAST_CHECKIN_TIME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?",
                Long.class, schedulerName(), mine());
        return times.isEmpty() ? null : times.get(0);
    }

    /** This portal's instance id in the cluster, the same across its restarts. */
    public String mine() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler has no instance id: " + e.getMessage(), e);
        }
    }

    private String schedulerName() {
        try {
            return scheduler.getSchedulerName();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler has no name: " + e.getMessage(), e);
        }
    }

    /** Whether work of this instance runs now: this portal's own, or another's that Quartz still counts in. */
    public boolean running(String instance) {
        return instance != null && (instance.equals(mine()) || another(instance));
    }

    /** Whether another portal that Quartz still counts in owns the work (at a start: this portal's earlier runs are over). */
    public boolean another(String instance) {
        if (instance == null || instance.equals(mine())) {
            return false;
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?" + RECENT,
                Integer.class, schedulerName(), instance, System.currentTimeMillis()) > 0;
    }

    /** The instance ids of the portals Quartz counts in, this one's always among them, sorted. */
    public List<String> all() {
        SortedSet<String> all = new TreeSet<>(jdbc.queryForList("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?" + RECENT, String.class,
                schedulerName(), System.currentTimeMillis()));
        all.add(mine());
        return List.copyOf(all);
    }
}
