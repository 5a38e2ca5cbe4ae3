package io.stackkeeper.backup;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The storage folder as a standard tar compressed with zstd ({@code tar --zstd -xf} reads it): relative paths, file
 * modes, modification times, symbolic links and empty folders are kept. Extraction never writes outside its target
 * and never follows a link.
 */
final class StorageArchiver {

    /** Told as archiving goes on. */
    @FunctionalInterface
    interface Progress {
        void advanced(String currentPath, long filesDone, long bytesDone);
    }

    /** What was archived. */
    record Archived(long files, long bytes) {
    }

    private final int compressionLevel;

    StorageArchiver(int compressionLevel) {
        this.compressionLevel = compressionLevel;
    }

    Archived archive(Path folder, OutputStream target, Progress progress) throws IOException {
        long[] totals = new long[2];
        ZstdOutputStream zstd = new ZstdOutputStream(target, compressionLevel);
        // zstd compresses on its own threads while this one reads files and writes tar: as fast as `tar | zstd`
        zstd.setWorkers(2);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(zstd, 1 << 20))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(folder)) {
                        put(tar, folder, dir, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    put(tar, folder, file, attributes);
                    if (attributes.isRegularFile()) {
                        totals[0]++;
                        totals[1] += attributes.size();
                        progress.advanced(folder.relativize(file).toString(), totals[0], totals[1]);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            tar.finish();
        }
        return new Archived(totals[0], totals[1]);
    }

    private static void put(TarArchiveOutputStream tar, Path root, Path path, BasicFileAttributes attributes) throws IOException {
        String name = root.relativize(path).toString().replace('\\', '/');
        TarArchiveEntry entry;
        if (attributes.isSymbolicLink()) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
        } else {
            entry = new TarArchiveEntry(path.toFile(), attributes.isDirectory() ? name + "/" : name);
            entry.setSize(attributes.isRegularFile() ? attributes.size() : 0);
        }
        entry.setMode(mode(path, attributes));
        entry.setModTime(attributes.lastModifiedTime());
        tar.putArchiveEntry(entry);
        if (attributes.isRegularFile()) {
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[128 * 1024];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    tar.write(buffer, 0, read);
                }
            }
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Path path, BasicFileAttributes attributes) throws IOException {
        int type = attributes.isSymbolicLink() ? 0120000 : attributes.isDirectory() ? 040000 : 0100000;
        if (attributes.isSymbolicLink()) {
            return type | 0777;
        }
        int bits = 0;
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if (permissions.contains(permission)) {
                bits |= 1 << (8 - permission.ordinal());
            }
        }
        return type | bits;
    }

    /**
     * Extracts into {@code target}, a fresh folder created here (its parent must exist; it must not). The archive is
     * hostile until proven otherwise: an entry that would land outside the target, pass through a symbolic link, link
     * to something outside it, or appear twice stops the extraction with the entry named. Links are created, never
     * followed; modes and times are never set through a link.
     */
    void extract(InputStream archive, Path target) throws IOException {
        Files.createDirectory(target);
        Path root = target.toRealPath();
        List<Object[]> folderTimes = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = ExtractionPaths.destination(root, entry.getName());
                if (destination == null) {
                    continue;
                }
                ExtractionPaths.createParents(root, destination, entry.getName());
                if (entry.isDirectory()) {
                    ExtractionPaths.createFolder(destination, entry.getName());
                    folderTimes.add(new Object[] {destination, entry.getLastModifiedTime(), entry.getMode()});
                } else if (entry.isSymbolicLink()) {
                    ExtractionPaths.requireAbsent(destination, entry.getName());
                    Files.createSymbolicLink(destination, ExtractionPaths.linkTarget(root, destination, entry));
                } else if (entry.isLink()) {
                    ExtractionPaths.requireAbsent(destination, entry.getName());
                    Files.createLink(destination, ExtractionPaths.hardLinkTarget(root, entry));
                } else if (entry.isFile()) {
                    try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)) {
                        tar.transferTo(out);
                    } catch (java.nio.file.FileAlreadyExistsException e) {
                        throw new IOException("The archive entry '" + entry.getName() + "' appears twice or replaces a link; refused.");
                    }
                    setModeAndTime(destination, entry.getMode(), entry.getLastModifiedTime());
                } else {
                    throw new IOException("The archive entry '" + entry.getName() + "' is a device or pipe; a storage folder holds none.");
                }
            }
        }
        // folders last: writing their contents changed their times
        for (int i = folderTimes.size() - 1; i >= 0; i--) {
            setModeAndTime((Path) folderTimes.get(i)[0], (Integer) folderTimes.get(i)[2], (FileTime) folderTimes.get(i)[1]);
        }
    }

    private static void setModeAndTime(Path path, int mode, FileTime time) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(path)) {
            throw new IOException(path + " became a link during the extraction; refused.");
        }
        view.setPermissions(permissions(mode));
        view.setTimes(time, null, null);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }
}
