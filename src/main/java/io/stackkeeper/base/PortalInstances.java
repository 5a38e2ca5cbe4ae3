package io.stackkeeper.base;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portals that share the database, as Quartz's clustered job store knows them. Each portal keeps one instance id
 * across restarts (kept in its data folder), and checks in every few seconds; once one stops checking in, another
 * portal's Quartz recovers its firings and deletes its check-in row. Work of a portal that has no row any more, or of
 * this portal's previous life, may be taken over. The row's presence is Quartz's own verdict (Quartz judges a check-in
 * late by the clocks of the portals, so keep them in step, as NTP does; a portal paused for longer than about 12 s
 * counts as stopped).
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
        return jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?", Integer.class,
                schedulerName(), instance) > 0;
    }

    /** The instance ids of the portals Quartz counts in, this one's always among them, sorted. */
    public List<String> all() {
        SortedSet<String> all = new TreeSet<>(jdbc.queryForList("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?", String.class,
                schedulerName()));
        all.add(mine());
        return List.copyOf(all);
    }
}
