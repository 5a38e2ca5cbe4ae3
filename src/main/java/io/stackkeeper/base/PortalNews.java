package io.stackkeeper.base;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * News for the open pages of the other portals on the database (a backup's progress, an upgrade's step, a probe's
 * state). On PostgreSQL the news goes out with {@code NOTIFY} on one channel, in batches every 100 ms, and each portal
 * hears the others' on a connection of its own that {@code LISTEN}s, published to this portal as {@link Heard}. News is
 * for pages only: what it tells is recorded in the database by the portal that did the work. Anyone who may connect to
 * the database may notify, so each payload carries the sender, its time and an HMAC under a key derived from the
 * encryption secret the portals share; a payload without a valid one, or older than a minute, is dropped. On H2 one
 * portal owns the database, so nothing leaves it. News that cannot be sent (the database is away, too much waits) is
 * dropped.
 */
@Component
public class PortalNews {

    /** News from another portal: the sender's instance id, the topic it chose and its text (JSON, one line). */
    public record Heard(String portal, String topic, String text) {
    }

    static final String CHANNEL = "stackkeeper_news";
    /** PostgreSQL refuses a payload of 8000 bytes or more. */
    static final int MOST_BYTES = 7_900;
    private static final int HEADER_BYTES = 400;
    private static final long MOST_WAITING_BYTES = 4L << 20;
    private static final long OLDEST_MILLIS = 60_000;
    private static final long CHECK_EVERY_MILLIS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(PortalNews.class);

    private final DataSourceProperties database;
    private final PortalInstances instances;
    private final ApplicationEventPublisher events;
    private final SecretCipher cipher;
    private final Clock clock;
    private final BlockingQueue<String> waiting = new LinkedBlockingQueue<>();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final boolean shared;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile String me;
    private volatile byte[] key;

    PortalNews(DataSourceProperties database, PortalInstances instances, ApplicationEventPublisher events, SecretCipher cipher, Clock clock) {
        this.database = database;
        this.instances = instances;
        this.events = events;
        this.cipher = cipher;
        this.clock = clock;
        this.shared = database.determineUrl() != null && DatabaseDriver.fromJdbcUrl(database.determineUrl()) == DatabaseDriver.POSTGRESQL;
    }

    /** Whether news leaves this portal at all (callers may skip building it). */
    public boolean enabled() {
        return shared && !stopped;
    }

    /** Tells the other portals; never waits for the database and never fails the caller. */
    public void tell(String topic, String text) {
        if (!enabled()) {
            return;
        }
        String line = topic + "\t" + text.replace('\n', ' ');
        int bytes = line.getBytes(StandardCharsets.UTF_8).length;
        if (bytes + HEADER_BYTES > MOST_BYTES) {
            log.debug("News on {} not sent: too long.", topic);
            return;
        }
        if (waitingBytes.addAndGet(bytes) > MOST_WAITING_BYTES) {
            waitingBytes.addAndGet(-bytes);
            log.debug("News on {} not sent: too much waiting.", topic);
            return;
        }
        waiting.add(line);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!shared) {
            return;
        }
        me = instances.mine();
        key = cipher.derivedKey("portal-news");
        threads.add(DaemonThreads.named("news-listen").newThread(this::listen));
        threads.add(DaemonThreads.named("news-send").newThread(this::send));
        threads.forEach(Thread::start);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
    }

    /** A connection of its own, outside the pool, that notices a dead peer: keep-alive, and no read waits past 30 s. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("ApplicationName", "stackkeeper-news");
        return DriverManager.getConnection(database.determineUrl(), properties);
    }

    private void send() {
        List<String> batch = new ArrayList<>();
        Connection connection = null;
        while (!stopped) {
            try {
                String first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(100);
                batch.add(first);
                waiting.drainTo(batch);
                batch.forEach(line -> waitingBytes.addAndGet(-line.getBytes(StandardCharsets.UTF_8).length));
                try {
                    connection = connection == null ? connect() : connection;
                    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                        for (String payload : payloads(batch)) {
                            notify.setString(1, payload);
                            notify.execute();
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    log.debug("News not sent: {}", e.toString());
                    close(connection);
                    connection = null;
                    Thread.sleep(1_000);
                }
                batch.clear();
            } catch (InterruptedException e) {
                break;
            }
        }
        close(connection);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is going either way
            }
        }
    }

    /** The batch in as few payloads as fit, each with whole lines under a header of sender, time and HMAC. */
    private List<String> payloads(List<String> lines) {
        List<String> payloads = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int bodyBytes = 0;
        for (String line : lines) {
            int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bodyBytes > 0 && bodyBytes + size + HEADER_BYTES > MOST_BYTES) {
                payloads.add(sealed(body.toString()));
                body.setLength(0);
                bodyBytes = 0;
            }
            body.append('\n').append(line);
            bodyBytes += size;
        }
        payloads.add(sealed(body.toString()));
        return payloads;
    }

    private String sealed(String body) {
        String signed = me + "\t" + clock.millis() + body;
        return mac(signed) + "\t" + signed;
    }

    private String mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    private void listen() {
        while (!stopped) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) {
                        quietSince = System.nanoTime();
                        for (PGNotification notification : notifications) {
                            hear(notification.getParameter());
                        }
                    } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(CHECK_EVERY_MILLIS)) {
                        try (Statement alive = connection.createStatement()) {
                            alive.execute("SELECT 1");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                log.warn("Not hearing the other portals' news ({}); trying again in 5 s.", e.toString());
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Hears a payload: {@code mac \t sender \t millis} and then one news line each, {@code topic \t text}. */
    void hear(String payload) {
        int macEnd = payload.indexOf('\t');
        if (macEnd < 0) {
            return;
        }
        String signed = payload.substring(macEnd + 1);
        if (!MessageDigest.isEqual(mac(signed).getBytes(StandardCharsets.US_ASCII), payload.substring(0, macEnd).getBytes(StandardCharsets.US_ASCII))) {
            log.debug("News without a valid HMAC dropped.");
            return;
        }
        String[] lines = signed.split("\n");
        String[] header = lines[0].split("\t");
        if (header.length != 2 || header[0].equals(me) || !header[1].matches("\\d{1,19}")
                || Math.abs(clock.millis() - Long.parseLong(header[1])) > OLDEST_MILLIS) {
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            if (tab > 0) {
                try {
                    events.publishEvent(new Heard(header[0], lines[i].substring(0, tab), lines[i].substring(tab + 1)));
                } catch (RuntimeException e) {
                    log.debug("News on {} could not be heard: {}", lines[i].substring(0, tab), e.toString());
                }
            }
        }
    }
}
