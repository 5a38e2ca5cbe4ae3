package io.stackkeeper.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file being written that knows its size and SHA-256 when closed, without reading it again. Closing forces the
 * bytes to disk, so a set is renamed complete only after everything in it is durable.
 */
final class ChecksummedFile extends FilterOutputStream {

    private final Path path;
    private final Path root;
    private final MessageDigest sha256;
    private final java.io.FileOutputStream file;
    private long size;
    private BackupFile result;

    ChecksummedFile(Path root, Path path) throws IOException {
        this(root, path, new java.io.FileOutputStream(createParents(path).toFile()));
    }

    private ChecksummedFile(Path root, Path path, java.io.FileOutputStream file) {
        super(new java.io.BufferedOutputStream(file, 1 << 16));
        this.root = root;
        this.path = path;
        this.file = file;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createParents(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return path;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        size += length;
    }

    @Override
    public void close() throws IOException {
        if (result != null) {
            return;
        }
        out.flush();
        file.getFD().sync();
        super.close();
        result = new BackupFile(root.relativize(path).toString().replace('\\', '/'), size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Size and checksum; only after {@link #close()}. */
    BackupFile entry() {
        if (result == null) {
            throw new IllegalStateException(path + " is still open");
        }
        return result;
    }
}
