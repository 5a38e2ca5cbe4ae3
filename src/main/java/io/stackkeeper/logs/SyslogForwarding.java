package io.stackkeeper.logs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the kept lines of each service to a syslog receiver, oldest first, at least once. Each {@link #tick} opens
 * the connection if it has none, and sends what was kept since the last line sent. A receiver acknowledges nothing,
 * so a line counts as delivered only once the connection outlived it by {@value #PROVEN_SECONDS} s; after a failure
 * the lines sent since then go again, and a restarted portal resumes from the saved place. Lines younger than
 * {@value #SETTLE_SECONDS} s wait: a stack trace may still be growing. One thread calls {@link #tick}.
 */
final class SyslogForwarding {

    static final int PROVEN_SECONDS = 5;
    static final int SETTLE_SECONDS = 2;
    private static final int PAGE = 1_000;
    /** A tick stops sending after this long, so that a long backlog shares the thread with saving the place. */
    private static final Duration MOST_PER_TICK = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    /** The places after a batch, and when it was written. */
    private record Sent(Instant at, Map<String, ForwardCursor.Position> positions) {
    }

    /** Opens a connection to the receiver. */
    interface Connector {
        SyslogConnection open() throws IOException;
    }

    private final HistoryPageSource history;
    private final List<String> services;
    private final LogForwardingProperties settings;
    private final String hostname;
    private final ForwardCursor cursor;
    private final Connector connector;
    private final Clock clock;
    private final ArrayDeque<Sent> unproven = new ArrayDeque<>();
    private Map<String, ForwardCursor.Position> sent;
    private Map<String, ForwardCursor.Position> proven;
    private SyslogConnection connection;
    private Instant retryAt = Instant.EPOCH;
    private Duration retry = FIRST_RETRY;
    private volatile String lastFailure;
    private volatile long forwarded;

    /** The kept lines of a service from a time on, oldest first, at most a page. */
    interface HistoryPageSource {
        List<LogLine> linesFrom(String service, Instant from, Instant to, int limit);
    }

    SyslogForwarding(HistoryPageSource history, List<String> services, LogForwardingProperties settings, String hostname,
            ForwardCursor cursor, Connector connector, Clock clock) {
        this.history = history;
        this.services = List.copyOf(services);
        this.settings = settings;
        this.hostname = hostname;
        this.cursor = cursor;
        this.connector = connector;
        this.clock = clock;
        Instant start = clock.instant().minus(settings.backfill());
        Map<String, ForwardCursor.Position> saved = cursor.load(services);
        this.sent = new HashMap<>();
        for (String service : services) {
            sent.put(service, saved.getOrDefault(service, new ForwardCursor.Position(start, 0)));
        }
        this.proven = Map.copyOf(sent);
    }

    void tick() {
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return;
        }
        try {
            if (connection == null) {
                connection = connector.open();
            }
            if (!connection.alive()) {
                throw new IOException("the receiver closed the connection");
            }
            prove(now);
            send(now);
            retry = FIRST_RETRY;
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            fail(now, e);
        }
    }

    /** Lines sent so far (some possibly twice, after failures). */
    long forwarded() {
        return forwarded;
    }

    /** Why the last attempt failed, or null while it works. */
    String lastFailure() {
        return lastFailure;
    }

    void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void send(Instant now) throws IOException {
        Instant settled = now.minusSeconds(SETTLE_SECONDS);
        Instant stopAt = now.plus(MOST_PER_TICK);
        boolean wrote = false;
        for (String service : services) {
            boolean more = true;
            while (more && clock.instant().isBefore(stopAt)) {
                ForwardCursor.Position from = sent.get(service);
                if (!from.at().isBefore(settled)) {
                    break;
                }
                int limit = Math.min(HistorySearch.MAX_LIMIT, from.atCount() + PAGE);
                List<LogLine> page = history.linesFrom(service, from.at(), settled, limit);
                ForwardCursor.Position at = from;
                int skip = from.atCount();
                List<byte[]> frames = new ArrayList<>(page.size());
                for (LogLine line : page) {
                    if (line.at().equals(from.at()) && skip > 0) {
                        skip--;
                        continue;
                    }
                    frames.add(SyslogMessage.frame(line, service, hostname, settings.facility(), (int) settings.maxMessage().toBytes()));
                    at = line.at().equals(at.at()) ? new ForwardCursor.Position(at.at(), at.atCount() + 1) : new ForwardCursor.Position(line.at(), 1);
                }
                connection.send(frames);
                int written = frames.size();
                if (written == 0 && page.size() >= limit) {
                    // more lines of one second than a page holds: the rest of that second is passed over
                    at = new ForwardCursor.Position(from.at().plusNanos(1), 0);
                }
                sent.put(service, at);
                forwarded += written;
                wrote |= written > 0;
                more = page.size() >= limit;
            }
        }
        if (wrote) {
            unproven.addLast(new Sent(now, Map.copyOf(sent)));
        }
    }

    /** The places of batches the connection outlived by the proving time are saved: those lines are delivered. */
    private void prove(Instant now) throws IOException {
        Map<String, ForwardCursor.Position> newest = null;
        while (!unproven.isEmpty() && !unproven.peekFirst().at().isAfter(now.minusSeconds(PROVEN_SECONDS))) {
            newest = unproven.pollFirst().positions();
        }
        if (newest != null && !newest.equals(proven)) {
            proven = newest;
            cursor.save(proven);
        }
    }

    private void fail(Instant now, Exception e) {
        lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
        close();
        unproven.clear();
        sent = new HashMap<>(proven);
        retryAt = now.plus(retry);
        retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
    }
}
