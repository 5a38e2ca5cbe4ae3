package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kept logs of one service as they are written: its open hour, and the hours closed since the last flush or
 * being compacted, whose summaries searches take from here until they are on disk. A line of a newer hour closes the
 * open one; a line of an older hour (late from a follower) goes into the open one, whose summary records its time.
 * Thread-safe: the followers of the service's containers append through one lock.
 */
final class ServiceLog {

    private final HistoryFolder folder;
    private final String service;
    private HourWriter current;
    private final List<HourWriter> closing = new ArrayList<>();
    private final List<HourWriter> compacting = new ArrayList<>();
    private long dropped;

    ServiceLog(HistoryFolder folder, String service) {
        this.folder = folder;
        this.service = service;
    }

    synchronized void append(KeptLine line, LogLine parsed) throws IOException {
        Instant hour = HistoryFolder.hourOf(line.at());
        if (current != null && hour.isAfter(current.hour)) {
            closing.add(current);
            current = null;
        }
        if (current == null) {
            Path serviceFolder = folder.serviceFolder(service, true);
            current = HourWriter.open(serviceFolder, hour);
        }
        current.add(line, parsed);
        if (current.batchFull()) {
            dropped += current.writeBatch();
        }
    }

    /** Writes every gathered batch; answers the hours closed since, now to be compacted. */
    synchronized List<HourWriter> flush() {
        if (current != null) {
            dropped += current.writeBatch();
        }
        List<HourWriter> closed = new ArrayList<>(closing);
        for (HourWriter writer : closed) {
            dropped += writer.writeBatch();
            closeQuietly(writer);
        }
        closing.clear();
        compacting.addAll(closed);
        return closed;
    }

    synchronized void compacted(HourWriter writer) {
        compacting.remove(writer);
    }

    /** A copy of the summary of an hour being written or compacted, or null when the hour is not in hand here. */
    synchronized HourSummary summaryOf(Instant hour) {
        for (HourWriter writer : writers()) {
            if (writer.hour.equals(hour)) {
                return writer.summary.copy();
            }
        }
        return null;
    }

    /** Whether an hour is being written or compacted, and so not to be deleted by the caps. */
    synchronized boolean holds(Instant hour) {
        return writers().stream().anyMatch(writer -> writer.hour.equals(hour));
    }

    synchronized long dropped() {
        return dropped;
    }

    /** Writes what is gathered and the open hour's summary (so a restart within the hour need not rebuild it). */
    synchronized void close() throws IOException {
        flush();
        if (current != null) {
            current.summary.write(HistoryFolder.summaryOf(current.data));
            current.close();
            current = null;
        }
    }

    private List<HourWriter> writers() {
        List<HourWriter> writers = new ArrayList<>(compacting);
        writers.addAll(closing);
        if (current != null) {
            writers.add(current);
        }
        return writers;
    }

    private static void closeQuietly(HourWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            // the batch is on disk or counted as dropped; closing cannot lose more
        }
    }
}
