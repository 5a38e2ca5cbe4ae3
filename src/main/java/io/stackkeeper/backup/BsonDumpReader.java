package io.stackkeeper.backup;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.bson.RawBsonDocument;

/** Reads a {@code <collection>.bson.gz} of a dump: BSON documents back to back, each starting with its int32 length. */
final class BsonDumpReader implements Closeable {

    private final DataInputStream data;

    BsonDumpReader(Path file) throws IOException {
        this.data = new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** The next document, or {@code null} at the end of the file. */
    RawBsonDocument next() throws IOException {
        byte[] length = new byte[4];
        try {
            data.readFully(length);
        } catch (EOFException end) {
            return null;
        }
        int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 5) {
            throw new IOException("A BSON document of " + size + " bytes is not valid.");
        }
        byte[] document = new byte[size];
        System.arraycopy(length, 0, document, 0, 4);
        data.readFully(document, 4, size - 4);
        return new RawBsonDocument(document);
    }

    @Override
    public void close() throws IOException {
        data.close();
    }
}
