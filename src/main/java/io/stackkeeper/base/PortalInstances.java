package io.stackkeeper.base;

import java.util.List;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portals that share the database, as Quartz's clustered job store knows them: each checks in every few seconds,
 * and one that stopped checking in (killed, crashed, cut off) is gone. Work one of them left unfinished may be taken
 * over only when it is gone.
 */
@Component
public class PortalInstances {

    /** Quartz counts an instance as failed after its check-in interval plus this much (and then recovers its jobs). */
    private static final long GRACE_MILLIS = 7_500;

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;

    PortalInstances(Scheduler scheduler, JdbcTemplate jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    /** This portal's instance id in the cluster. */
    public String mine() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The scheduler has no instance id: " + e.getMessage(), e);
        }
    }

    /** Whether the instance is this portal or another that checked in lately; null (work from before) is not. */
    public boolean alive(String instance) {
        if (instance == null) {
            return false;
        }
        if (instance.equals(mine())) {
            return true;
        }
        List<Long> lastSeen = jdbc.queryForList(
                "SELECT LAST_CHECKIN_TIME + CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = ?", Long.class, instance);
        // Quartz's own times are the machine's clock, not the portal's
        return !lastSeen.isEmpty() && lastSeen.get(0) + GRACE_MILLIS > System.currentTimeMillis();
    }
}
