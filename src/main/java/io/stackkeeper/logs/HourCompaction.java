package io.stackkeeper.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Rewrites a closed hour: one-second frames compress poorly (each starts without history), so once the hour is over
 * its lines are written again in frames of about {@value #TARGET_BYTES} bytes at a higher level, to a temporary file
 * that then replaces the hour file in one move; then its summary is written beside it. A crash at any point leaves
 * either the old file or the new one, and at worst a missing summary, which a search rebuilds.
 */
final class HourCompaction {

    static final int TARGET_BYTES = 2 << 20;
    static final int LEVEL = 9;

    private HourCompaction() {
    }

    static void compact(Path data, HourSummary summary) throws IOException {
        Path temporary = data.resolveSibling(data.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        long size = 0;
        try (FileChannel in = HourFile.openForReading(data);
                FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
            Batch batch = new Batch();
            for (Frames.Header frame : Frames.index(in)) {
                for (KeptLine line : HourFile.lines(in, frame)) {
                    batch.add(line);
                    if (batch.bytes.size() >= TARGET_BYTES) {
                        size += batch.writeTo(out, size);
                    }
                }
            }
            size += batch.writeTo(out, size);
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        summary.coveredBytes = size;
        summary.write(HistoryFolder.summaryOf(data));
    }

    /** Lines gathered for one frame. */
    private static final class Batch {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(TARGET_BYTES + (64 << 10));
        int lines;
        long minAt = Long.MAX_VALUE;
        long maxAt = Long.MIN_VALUE;

        void add(KeptLine line) {
            LineRecords.write(bytes, line);
            lines++;
            long millis = line.at().toEpochMilli();
            minAt = Math.min(minAt, millis);
            maxAt = Math.max(maxAt, millis + 1);
        }

        long writeTo(FileChannel out, long position) throws IOException {
            if (lines == 0) {
                return 0;
            }
            ByteBuffer frame = Frames.encode(bytes.toByteArray(), lines, minAt, maxAt, LEVEL);
            long written = 0;
            while (frame.hasRemaining()) {
                written += out.write(frame, position + written);
            }
            bytes.reset();
            lines = 0;
            minAt = Long.MAX_VALUE;
            maxAt = Long.MIN_VALUE;
            return written;
        }
    }
}
