package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reading one hour file: opened without following a link, its frames decoded one at a time (so memory is bounded by
 * the largest frame, {@link Frames#MAX_CONTENT}), damaged frames left out.
 */
final class HourFile {

    private HourFile() {
    }

    /** The file opened for reading; an {@link IOException} when it is a link or not a plain file. */
    static FileChannel openForReading(Path data) throws IOException {
        FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            requirePlainFile(data);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    static void requirePlainFile(Path data) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(data, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException(data + " is not a plain file, the log history does not use it");
        }
    }

    /** The lines of one frame; none when it is damaged. */
    static List<KeptLine> lines(FileChannel channel, Frames.Header frame) throws IOException {
        byte[] content = Frames.content(channel, frame);
        return content == null ? List.of() : LineRecords.read(content);
    }

    /** A summary of the frames read from the file, covering the bytes up to the end of the last. */
    static HourSummary summarise(FileChannel channel, List<Frames.Header> frames) throws IOException {
        HourSummary summary = new HourSummary();
        for (Frames.Header frame : frames) {
            for (KeptLine line : lines(channel, frame)) {
                summary.add(line.parse());
            }
        }
        summary.coveredBytes = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).end();
        return summary;
    }

    /**
     * The summary beside an hour file when it describes the file as it is, else one rebuilt from the file (and, when
     * {@code keep}, written beside it for the next search).
     */
    static HourSummary summaryOf(Path data, boolean keep) throws IOException {
        HourSummary rebuilt;
        try (FileChannel channel = openForReading(data)) {
            List<Frames.Header> frames = Frames.index(channel);
            long covered = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).end();
            HourSummary kept = HourSummary.read(HistoryFolder.summaryOf(data));
            if (kept != null && kept.coveredBytes == covered) {
                return kept;
            }
            rebuilt = summarise(channel, frames);
        }
        if (keep) {
            try {
                rebuilt.write(HistoryFolder.summaryOf(data));
            } catch (IOException e) {
                // rebuilt again next time
            }
        }
        return rebuilt;
    }
}
