package io.stackkeeper.backup;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.bson.RawBsonDocument;

/**
 * Reads a {@code <collection>.bson.gz} of a dump: BSON documents back to back, each starting with its int32 length.
 * The file may be corrupt or hostile: a length beyond MongoDB's 16 MB document limit is refused before anything is
 * allocated, and a gzip stream that ends early (inside a member, or inside a document) is an error, never a clean end.
 */
final class BsonDumpReader implements Closeable {

    /** MongoDB's largest document. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private final Path file;
    private final DataInputStream data;

    BsonDumpReader(Path file) throws IOException {
        this.file = file;
        this.data = new DataInputStream(new GZIPInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), 1 << 16));
    }

    /** The next document, or {@code null} at the end of the file. */
    RawBsonDocument next() throws IOException {
        int first;
        try {
            first = data.read();
        } catch (EOFException truncated) {
            throw truncated(truncated);
        }
        if (first < 0) {
            return null;
        }
        byte[] length = new byte[4];
        length[0] = (byte) first;
        try {
            data.readFully(length, 1, 3);
            int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (size < 5 || size > MAX_DOCUMENT_BYTES) {
                throw new IOException(file.getFileName() + " holds a document of " + size + " bytes: not valid BSON (at most "
                        + MAX_DOCUMENT_BYTES + "). The file is corrupt.");
            }
            byte[] document = new byte[size];
            System.arraycopy(length, 0, document, 0, 4);
            data.readFully(document, 4, size - 4);
            return new RawBsonDocument(document);
        } catch (EOFException truncated) {
            throw truncated(truncated);
        }
    }

    private IOException truncated(EOFException cause) {
        return new IOException(file.getFileName() + " ends in the middle of a document or of its compression: the file is truncated.", cause);
    }

    @Override
    public void close() throws IOException {
        data.close();
    }
}
