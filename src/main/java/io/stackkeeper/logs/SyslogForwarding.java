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
    private final Retries retries = new Retries(FIRST_RETRY, LAST_RETRY);
    private volatile String lastFailure;
    private volatile String saveFailure;
    private volatile long forwarded;

    /** The kept lines of a service from a place on ({@link LogHistory#linesAfter}), oldest first, at most a page. */
    interface HistoryPageSource {
        List<LogLine> linesAfter(String service, Instant from, int keptAtFrom, Instant to, int limit);
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
        if (!retries.due(now)) {
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
            retries.succeeded();
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
        String failure = lastFailure;
        return failure != null ? failure : saveFailure;
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
            while (clock.instant().isBefore(stopAt)) {
                ForwardCursor.Position from = sent.get(service);
                if (!from.at().isBefore(settled)) {
                    break;
                }
                List<LogLine> page = history.linesAfter(service, from.at(), from.atCount(), settled, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                List<byte[]> frames = new ArrayList<>(page.size());
                ForwardCursor.Position at = from;
                for (LogLine line : page) {
                    frames.add(SyslogMessage.frame(line, service, hostname, settings.facility(), (int) settings.maxMessage().toBytes()));
                    at = at.after(line);
                }
                connection.send(frames);
                sent.put(service, at);
                forwarded += frames.size();
                wrote = true;
            }
        }
        if (wrote) {
            // the time after the write: a write the receiver held up counts from when it was done
            unproven.addLast(new Sent(clock.instant(), Map.copyOf(sent)));
        }
    }

    /** The places of batches the connection outlived by the proving time are saved: those lines are delivered. */
    private void prove(Instant now) {
        Map<String, ForwardCursor.Position> newest = null;
        while (!unproven.isEmpty() && !unproven.peekFirst().at().isAfter(now.minusSeconds(PROVEN_SECONDS))) {
            newest = unproven.pollFirst().positions();
        }
        if (newest != null && !newest.equals(proven)) {
            proven = newest;
            try {
                cursor.save(proven);
                saveFailure = null;
            } catch (IOException e) {
                // the connection works: the place is saved with the next batch, and a restart would only send more again
                saveFailure = "the place reached cannot be saved (" + e.getMessage() + ")";
            }
        }
    }

    private void fail(Instant now, Exception e) {
        lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
        close();
        unproven.clear();
        sent = new HashMap<>(proven);
        retries.failed(now);
    }
}
