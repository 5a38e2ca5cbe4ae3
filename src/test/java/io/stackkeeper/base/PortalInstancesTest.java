package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.PostgresDatabases;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which portals count as running, by Quartz's check-ins on the database; and a portal never starts beside its twin. */
class PortalInstancesTest {

    @Test
    void a_portal_refuses_to_start_while_another_checks_in_with_its_instance_id() throws Exception {
        try (PostgresDatabases databases = new PostgresDatabases()) {
            DataSource database = databases.migrated();
            PortalInstances copy = TestPortals.instances("copied", database);
            JdbcTemplate jdbc = new JdbcTemplate(database);
            CompletableFuture<Void> twinChecksIn = CompletableFuture.runAsync(() -> jdbc.update(
                    "UPDATE QRTZ_SCHEDULER_STATE SET LAST_CHECKIN_TIME = LAST_CHECKIN_TIME + 5000 WHERE INSTANCE_NAME = 'copied'"),
                    CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));

            assertThatThrownBy(copy::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another running portal checks in with this portal's instance id copied");
            twinChecksIn.get();
        }
    }

    @Test
    void a_portal_restarted_at_once_starts_once_its_earlier_check_in_stood_still_and_a_stale_one_does_not_count() throws Exception {
        try (PostgresDatabases databases = new PostgresDatabases()) {
            DataSource database = databases.migrated();
            PortalInstances restarted = TestPortals.instances("restarted", database);
            restarted.afterSingletonsInstantiated();

            new JdbcTemplate(database).update("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL)"
                    + " VALUES ('quartzScheduler', 'long-gone', ?, 5000)", System.currentTimeMillis() - 60_000);
            assertThat(restarted.another("long-gone")).as("a check-in a minute old").isFalse();
            assertThat(restarted.all()).containsExactly("restarted");
        }
    }
}
