package io.stackkeeper.base;

import java.util.List;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portals that share the database, as Quartz's clustered job store knows them. Each portal keeps one instance id
 * across restarts (kept in its data folder), and checks in every few seconds; once one stops checking in, another
 * portal's Quartz recovers its firings and deletes its check-in row. Work of a portal that has no row any more, or of
 * this portal's previous life, may be taken over. No clocks are compared: the row's presence is Quartz's own verdict.
 */
@Component
public class PortalInstances {

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;

    PortalInstances(Scheduler scheduler, JdbcTemplate jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    /** This portal's instance id in the cluster, the same across its restarts. */
    public String mine() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler has no instance id: " + e.getMessage(), e);
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
        return jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = ?", Integer.class, instance) > 0;
    }
}
