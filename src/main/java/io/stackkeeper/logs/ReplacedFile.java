package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A small file replaced whole: the new content is written beside it (never through a link planted there), forced to
 * disk, and only then moved into its place, so that a crash leaves the old content or the new, never half of one.
 */
final class ReplacedFile {

    private ReplacedFile() {
    }

    /** Replaces {@code file} with {@code content}, written first to {@code file + besideSuffix}. */
    static void write(Path file, String besideSuffix, ByteBuffer content) throws IOException {
        Path beside = file.resolveSibling(file.getFileName() + besideSuffix);
        Files.deleteIfExists(beside);
        try (FileChannel out = FileChannel.open(beside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            while (content.hasRemaining()) {
                out.write(content);
            }
            out.force(true);
        }
        Files.move(beside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notOnThisFileSystem) {
            // the move is atomic either way; some file systems cannot force a folder
        }
    }
}
