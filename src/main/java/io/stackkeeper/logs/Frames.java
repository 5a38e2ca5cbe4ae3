package io.stackkeeper.logs;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The frames of an hour file. Each batch is a zstd skippable frame carrying its header (content and frame length, a
 * CRC-32C of the compressed bytes, its line count and engine-time range) followed by one complete zstd frame of the
 * batch's records, so the file stays a plain zstd stream ({@code zstdcat} reads it) while the portal can find every
 * frame, skip frames by time and read them newest first without decompressing the others. A frame that is not whole
 * (a crash while writing) or fails its CRC is damage: reading stops at a header that is not whole or not sane, and
 * a frame whose bytes fail their CRC is left out.
 */
final class Frames {

    static final int HEADER = 40;
    static final int MAX_CONTENT = 16 << 20;
    static final int MAX_FRAME = 20 << 20;
    /** More frames than an hour of one-second batches ever has; bounds what indexing a crafted file may hold. */
    static final int MAX_FRAMES = 100_000;

    private static final int SKIPPABLE_MAGIC = 0x184D2A5B;
    private static final int PAYLOAD = HEADER - 8;

    /**
     * Where a frame is and what it holds.
     *
     * @param minAt the earliest engine time of its lines, epoch millis rounded down
     * @param maxAt just after the latest, epoch millis rounded down plus one (an exclusive bound)
     */
    record Header(long offset, int contentLength, int frameLength, int crc, int lines, long minAt, long maxAt) {

        long end() {
            return offset + HEADER + frameLength;
        }
    }

    private Frames() {
    }

    /** A batch's header and compressed frame, ready to append. */
    static ByteBuffer encode(byte[] content, int lines, long minAt, long maxAt, int level) {
        byte[] frame = Zstd.compress(content, level);
        CRC32C crc = new CRC32C();
        crc.update(frame);
        ByteBuffer out = ByteBuffer.allocate(HEADER + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(SKIPPABLE_MAGIC).putInt(PAYLOAD).putInt(content.length).putInt(frame.length)
                .putInt((int) crc.getValue()).putInt(lines).putLong(minAt).putLong(maxAt).put(frame);
        return out.flip();
    }

    /** The frames of a file in order, up to the first header that is not whole or not sane. */
    static List<Header> index(FileChannel channel) throws IOException {
        long size = channel.size();
        List<Header> headers = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long offset = 0;
        while (offset + HEADER <= size && headers.size() < MAX_FRAMES) {
            buffer.clear();
            if (!readFully(channel, buffer, offset)) {
                break;
            }
            buffer.flip();
            Header header = header(buffer, offset);
            if (header == null || header.end() > size) {
                break;
            }
            headers.add(header);
            offset = header.end();
        }
        return headers;
    }

    /** A frame's content, or null when its bytes fail their CRC or do not decompress to the length it names. */
    static byte[] content(FileChannel channel, Header header) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(header.frameLength());
        if (!readFully(channel, frame, header.offset() + HEADER)) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(frame.array());
        if ((int) crc.getValue() != header.crc()) {
            return null;
        }
        try {
            byte[] content = Zstd.decompress(frame.array(), header.contentLength());
            return content.length == header.contentLength() ? content : null;
        } catch (ZstdException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Header header(ByteBuffer buffer, long offset) {
        int magic = buffer.getInt();
        int payload = buffer.getInt();
        int contentLength = buffer.getInt();
        int frameLength = buffer.getInt();
        int crc = buffer.getInt();
        int lines = buffer.getInt();
        long minAt = buffer.getLong();
        long maxAt = buffer.getLong();
        boolean sane = magic == SKIPPABLE_MAGIC && payload == PAYLOAD && contentLength >= 0
                && contentLength <= MAX_CONTENT && frameLength > 0 && frameLength <= MAX_FRAME && lines >= 0
                && minAt < maxAt;
        return sane ? new Header(offset, contentLength, frameLength, crc, lines, minAt, maxAt) : null;
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }
}
