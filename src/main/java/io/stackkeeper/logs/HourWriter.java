package io.stackkeeper.logs;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The open hour file of a service: lines gather in a batch, and each batch is appended as one frame and forced to
 * disk, so a crash loses at most the batch being gathered. An existing file (the portal restarted within the hour) is
 * first cut back to its last whole frame, so that new frames never follow a torn one, and its summary is taken from
 * beside it or rebuilt. Not thread-safe: its {@link ServiceLog} holds the lock.
 */
final class HourWriter implements Closeable {

    /** A batch is written early when it reaches this size, so that a burst never piles up in memory. */
    static final int BATCH_BYTES = 4 << 20;
    static final int LEVEL = 3;

    final Instant hour;
    final Path data;
    final HourSummary summary;
    private final FileChannel channel;
    private long size;
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
    private int batchLines;
    private long batchMinAt;
    private long batchMaxAt;

    private HourWriter(Instant hour, Path data, FileChannel channel, long size, HourSummary summary) {
        this.hour = hour;
        this.data = data;
        this.channel = channel;
        this.size = size;
        this.summary = summary;
    }

    static HourWriter open(Path folder, Instant hour) throws IOException {
        Path data = HistoryFolder.dataFile(folder, hour);
        FileChannel channel = FileChannel.open(data, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            HourFile.requirePlainFile(data);
            if (channel.size() == 0) {
                return new HourWriter(hour, data, channel, 0, new HourSummary());
            }
            List<Frames.Header> frames = Frames.index(channel);
            long whole = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).end();
            HourSummary kept = HourSummary.read(HistoryFolder.summaryOf(data));
            HourSummary summary = kept != null && kept.coveredBytes == whole ? kept : HourFile.summarise(channel, frames);
            if (whole < channel.size()) {
                channel.truncate(whole);
                channel.force(true);
            }
            return new HourWriter(hour, data, channel, whole, summary);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    void add(KeptLine line, LogLine parsed) {
        LineRecords.write(batch, line);
        long millis = line.at().toEpochMilli();
        batchMinAt = batchLines == 0 ? millis : Math.min(batchMinAt, millis);
        batchMaxAt = batchLines == 0 ? millis + 1 : Math.max(batchMaxAt, millis + 1);
        batchLines++;
        summary.add(parsed);
    }

    boolean batchFull() {
        return batch.size() >= BATCH_BYTES;
    }

    /**
     * Appends the batch as one frame and forces it to disk. When that fails the batch is dropped (and the file cut
     * back to its last whole frame), so that a full disk cannot grow the memory held; answers the lines dropped.
     */
    int writeBatch() {
        if (batchLines == 0) {
            return 0;
        }
        int lines = batchLines;
        ByteBuffer frame = Frames.encode(batch.toByteArray(), lines, batchMinAt, batchMaxAt, LEVEL);
        batch.reset();
        batchLines = 0;
        try {
            long at = size;
            while (frame.hasRemaining()) {
                at += channel.write(frame, at);
            }
            channel.force(false);
            size = at;
            summary.coveredBytes = size;
            return 0;
        } catch (IOException e) {
            try {
                channel.truncate(size);
            } catch (IOException ignored) {
                // the next open cuts back to the last whole frame
            }
            return lines;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
