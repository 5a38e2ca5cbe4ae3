package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stackkeeper.PostgresDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** News told on one portal reaches the other portals on the same PostgreSQL database through NOTIFY and LISTEN. */
class PortalNewsTest {

    private static final String SECRET = "portal-news-test-secret-of-32-characters";

    @Test
    void news_told_on_one_portal_is_heard_on_the_other_in_order_and_not_by_itself() throws Exception {
        try (PostgresDatabases databases = new PostgresDatabases()) {
            DataSource database = databases.migrated();
            String url = ((DriverManagerDataSource) database).getUrl();
            List<Object> heardByFirst = new CopyOnWriteArrayList<>();
            List<Object> heardBySecond = new CopyOnWriteArrayList<>();
            PortalNews first = TestPortals.news(TestPortals.instances("first", database), url, SECRET, heardByFirst::add);
            PortalNews second = TestPortals.news(TestPortals.instances("second", database), url, SECRET, heardBySecond::add);
            try {
                Thread.sleep(500);
                IntStream.range(0, 2_000).forEach(i -> first.tell("count", "{\"n\": " + i + "}"));
                first.tell("long", "x".repeat(PortalNews.MOST_BYTES));
                first.tell("last", "{\"multi\": \"line\nbreak\"}");

                await().atMost(Duration.ofSeconds(10)).until(() -> heardBySecond.size() == 2_001);
                assertThat(heardBySecond.subList(0, 2_000)).isEqualTo(IntStream.range(0, 2_000)
                        .mapToObj(i -> new PortalNews.Heard("first", "count", "{\"n\": " + i + "}")).toList());
                assertThat(heardBySecond.get(2_000)).isEqualTo(new PortalNews.Heard("first", "last", "{\"multi\": \"line break\"}"));
                Thread.sleep(500);
                assertThat(heardByFirst).isEmpty();
            } finally {
                TestPortals.stop(first);
                TestPortals.stop(second);
            }
        }
    }

    @Test
    void news_notified_by_someone_without_the_secret_or_replayed_late_is_dropped() throws Exception {
        try (PostgresDatabases databases = new PostgresDatabases()) {
            DataSource database = databases.migrated();
            String url = ((DriverManagerDataSource) database).getUrl();
            List<Object> heard = new CopyOnWriteArrayList<>();
            List<Object> heardByStranger = new CopyOnWriteArrayList<>();
            PortalNews portal = TestPortals.news(TestPortals.instances("portal", database), url, SECRET, heard::add);
            PortalNews stranger = TestPortals.news(TestPortals.instances("stranger", database), url,
                    "another-secret-of-at-least-32-characters", heardByStranger::add);
            try (Connection anyone = DriverManager.getConnection(url, PostgresDatabases.USER, "");
                    PreparedStatement notify = anyone.prepareStatement("SELECT pg_notify('" + PortalNews.CHANNEL + "', ?)")) {
                Thread.sleep(500);
                for (String forged : List.of("", "\t", "no-mac\tother\t1\nprobe-run\t{}", "AAAA\tother\t" + System.currentTimeMillis()
                        + "\nprobe-run\t{\"probe\": 1}", "x".repeat(7_000), "\n\n\t\t\n")) {
                    notify.setString(1, forged);
                    notify.execute();
                }
                stranger.tell("probe-run", "{\"probe\": 1}");
                Thread.sleep(1_500);
                assertThat(heard).isEmpty();

                List<Object> late = new CopyOnWriteArrayList<>();
                PortalNews slowClock = new PortalNews(TestPortals.properties(url), TestPortals.instances("late", database), late::add,
                        new SecretCipher(SECRET), java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(5)));
                List<Object> witnessed = new CopyOnWriteArrayList<>();
                PortalNews witness = TestPortals.news(TestPortals.instances("witness", database), url, SECRET, witnessed::add);
                slowClock.start();
                Thread.sleep(500);
                portal.tell("probe-run", "{\"probe\": 1}");
                await().atMost(Duration.ofSeconds(5)).until(() -> witnessed.size() == 1);
                Thread.sleep(300);
                assertThat(late).as("five minutes off: a replay").isEmpty();
                assertThat(heardByStranger).as("another secret").isEmpty();
                slowClock.stop();
                witness.stop();
            } finally {
                TestPortals.stop(portal);
                TestPortals.stop(stranger);
            }
        }
    }

    @Test
    void a_portal_on_h2_tells_nobody() {
        List<Object> heard = new CopyOnWriteArrayList<>();
        PortalNews alone = new PortalNews(TestPortals.properties("jdbc:h2:mem:news"), null, heard::add, new SecretCipher(SECRET),
                java.time.Clock.systemUTC());
        alone.start();
        alone.tell("count", "{}");
        assertThat(alone.enabled()).isFalse();
        assertThat(heard).isEmpty();
    }
}
