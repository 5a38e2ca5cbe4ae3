package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.PostgresDatabases;
import io.stackkeeper.base.TestPortals;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Two portals on one PostgreSQL database claim the stack through its rows: exclusive work runs on one of them only. */
class StackClaimsAcrossPortalsTest {

    private PostgresDatabases databases;
    private DataSource database;
    private final List<Object> heardOnFirst = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() throws Exception {
        databases = new PostgresDatabases();
        database = databases.migrated();
    }

    @AfterEach
    void drop() throws Exception {
        databases.close();
    }

    private StackClaims portal(String instance, List<Object> events) {
        return new StackClaims(Clock.systemUTC(), events::add, new JdbcTemplate(database), TestPortals.instances(instance, database),
                new DataSourceTransactionManager(database), TestPortals.turns(database));
    }

    @Test
    void an_upgrade_on_one_portal_refuses_work_on_the_other_naming_the_upgrade_and_its_portal() {
        StackClaims first = portal("first", heardOnFirst);
        StackClaims second = portal("second", new CopyOnWriteArrayList<>());

        StackClaim upgrade = first.claim("the upgrade to 2.0 (request 7)", true);
        assertThatThrownBy(() -> second.claim("the backup 42", false)).isInstanceOf(StackBusyException.class)
                .hasMessageContaining("the upgrade to 2.0 (request 7) (on the portal first) is running since");
        assertThatThrownBy(() -> second.claim("the restore of 41", true)).isInstanceOf(StackBusyException.class);
        assertThat(second.running()).containsExactly("the upgrade to 2.0 (request 7) (on the portal first)");
        assertThat(first.running()).containsExactly("the upgrade to 2.0 (request 7)");

        upgrade.close();
        try (StackClaim backup = second.claim("the backup 42", false); StackClaim drill = first.claim("the drill of 41", false)) {
            assertThat(first.running()).containsExactlyInAnyOrder("the backup 42 (on the portal second)", "the drill of 41");
        }
        assertThat(heardOnFirst).hasSize(4);
    }

    @Test
    void the_claim_of_a_portal_that_stopped_checking_in_no_longer_counts() {
        StackClaims first = portal("first", heardOnFirst);
        StackClaims second = portal("second", new CopyOnWriteArrayList<>());
        StackClaim restore = first.claim("the restore of 41", true);
        assertThatThrownBy(() -> second.claim("the backup 42", false)).isInstanceOf(StackBusyException.class);

        TestPortals.stop("first", database);

        try (StackClaim backup = second.claim("the backup 42", false)) {
            assertThat(second.running()).containsExactly("the backup 42");
            assertThatThrownBy(() -> first.requireExclusive(restore)).as("its row went: the restore may not go on")
                    .isInstanceOf(StackBusyException.class);
        }
        assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM stack_claim", Integer.class)).isZero();
    }

    @Test
    void a_claim_left_by_this_portals_earlier_life_no_longer_counts() {
        new JdbcTemplate(database).update("INSERT INTO stack_claim (id, work, exclusive_work, portal_instance, since)"
                + " VALUES ('left', 'the upgrade to 1.9', TRUE, 'first', now())");
        StackClaims restarted = portal("first", heardOnFirst);

        try (StackClaim restore = restarted.claim("the restore of 41", true)) {
            assertThat(restarted.running()).containsExactly("the restore of 41");
        }
    }

    @Test
    void two_portals_claiming_at_once_while_pages_read_the_claims_never_hold_the_stack_alone_together() throws Exception {
        StackClaims first = portal("first", heardOnFirst);
        StackClaims second = portal("second", new CopyOnWriteArrayList<>());
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger held = new AtomicInteger();
        ExecutorService both = Executors.newFixedThreadPool(6);
        java.util.concurrent.atomic.AtomicBoolean claiming = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            List<Future<?>> readers = new java.util.ArrayList<>();
            for (StackClaims portal : List.of(first, second)) {
                readers.add(both.submit(() -> {
                    while (claiming.get()) {
                        assertThat(portal.running().size()).isLessThanOrEqualTo(1);
                    }
                    return null;
                }));
            }
            for (StackClaims portal : List.of(first, second, first, second)) {
                done.add(both.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        try (StackClaim claim = portal.claim("work " + i, true)) {
                            if (holding.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            held.incrementAndGet();
                            Thread.sleep(1);
                            holding.decrementAndGet();
                        } catch (StackBusyException busy) {
                            // the other held it: try again
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            claiming.set(false);
            for (Future<?> each : readers) {
                each.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            both.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(held.get()).isPositive();
        assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM stack_claim", Integer.class)).isZero();
    }
}
