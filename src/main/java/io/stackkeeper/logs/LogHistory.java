package io.stackkeeper.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portal's own history of the stack's logs, kept so that they survive container recreation: files per service
 * and UTC hour under a root folder, zstd frames forced to disk once a second ({@link #flush}, called by the caller's
 * one-second timer), each closed hour compacted and summarised so that a search over days skips the hours that
 * cannot match. Lines are redacted by the ADMIN's {@link RedactionRules} before they are kept, and kept as the engine
 * gave them (with its time and the container's name): they are parsed again when read.
 * Thread-safe: followers of several containers append at once; searches run beside them.
 */
final class LogHistory implements Closeable {

    private final HistoryFolder folder;
    private final HistorySettings settings;
    private final Map<String, ServiceLog> services = new ConcurrentHashMap<>();
    private final AtomicLong failedLines = new AtomicLong();
    private volatile RedactionRules redaction = RedactionRules.NONE;
    private volatile IOException lastFailure;

    LogHistory(Path root, HistorySettings settings) throws IOException {
        this.folder = new HistoryFolder(root);
        this.settings = settings;
    }

    /** The rules applied to lines kept from now on. */
    void redaction(RedactionRules rules) {
        this.redaction = rules;
    }

    /** A line as it would be kept: with the redaction rules applied. */
    String redact(String line) {
        return redaction.apply(line);
    }

    /**
     * Keeps a line a container of a service wrote, the engine's {@code at}, {@code raw} without its line break. A
     * service name that cannot name a folder is an {@link IllegalArgumentException}; a failure to write is counted
     * ({@link #droppedLines}) rather than thrown into the follower.
     */
    void append(String service, String container, Instant at, String raw) {
        String name = ServiceFolderName.of(service);
        KeptLine line = KeptLine.of(at, container, raw, redaction);
        LogLine parsed = line.parse();
        try {
            services.computeIfAbsent(name, key -> new ServiceLog(folder, key)).append(line, parsed);
        } catch (IOException e) {
            failedLines.incrementAndGet();
            lastFailure = e;
        }
    }

    /** Writes every service's gathered lines and compacts the hours that closed since the last call. */
    void flush() {
        for (ServiceLog log : services.values()) {
            for (HourWriter closed : log.flush()) {
                try {
                    HourCompaction.compact(closed.data, closed.summary);
                } catch (IOException e) {
                    lastFailure = e;
                    writeSummaryAsItIs(closed);
                } finally {
                    log.compacted(closed);
                }
            }
        }
    }

    /** Deletes the hours past the age cap, then the oldest until the size cap holds; answers the hours deleted. */
    int enforce(Instant now) {
        try {
            return HistoryCaps.enforce(folder, settings, now, hour -> {
                ServiceLog log = services.get(hour.service());
                return log != null && log.holds(hour.hour());
            });
        } catch (IOException e) {
            lastFailure = e;
            return 0;
        }
    }

    /**
     * The matches of a query among the lines the services' containers wrote from {@code from} (inclusive) to
     * {@code to} (exclusive) by engine time: the newest {@code limit} when {@code newestFirst}, else the oldest; in
     * both cases ordered oldest first, newest last, stack traces folded in. A pattern too slow on a line throws
     * {@link SlowPatternException}; a service name that cannot name a folder is an {@link IllegalArgumentException}.
     */
    HistoryPage search(Collection<String> services, Instant from, Instant to, LogQuery query, int limit,
            boolean newestFirst) {
        HistorySearch search = new HistorySearch(folder, this::summaryInHand, from, to, query, limit, newestFirst);
        try {
            return search.run(services);
        } catch (IOException e) {
            throw new UncheckedIOException("The log history cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A reader's next page of one service's lines: from {@code from}, passing over the first {@code keptAtFrom} lines
     * kept with exactly that time (the engine may stamp many with one second; raw lines, so that folding stack traces
     * differently after an hour's compaction moves nothing), oldest first, at most {@code limit}.
     */
    List<LogLine> linesAfter(String service, Instant from, int keptAtFrom, Instant to, int limit) {
        HistorySearch search = new HistorySearch(folder, this::summaryInHand, from, to, LogQuery.ALL, limit, false).skippingAtStart(keptAtFrom);
        try {
            return search.run(List.of(service)).lines();
        } catch (IOException e) {
            throw new UncheckedIOException("The log history cannot be read: " + e.getMessage(), e);
        }
    }

    /** Lines that could not be written (a full disk, a folder that is not ours) since the start. */
    long droppedLines() {
        return failedLines.get() + services.values().stream().mapToLong(ServiceLog::dropped).sum();
    }

    /** The last failure to write, open or delete, for the logs page to show; null when there was none. */
    IOException lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws IOException {
        flush();
        for (ServiceLog log : services.values()) {
            log.close();
        }
    }

    private HourSummary summaryInHand(String service, Instant hour) {
        ServiceLog log = services.get(service);
        return log == null ? null : log.summaryOf(hour);
    }

    private void writeSummaryAsItIs(HourWriter closed) {
        try {
            closed.summary.write(HistoryFolder.summaryOf(closed.data));
        } catch (IOException e) {
            lastFailure = e; // a search rebuilds it
        }
    }
}
