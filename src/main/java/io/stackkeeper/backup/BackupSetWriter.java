package io.stackkeeper.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one backup set atomically: everything goes to {@code <target>/.partial-<id>/}, each file is flushed to disk
 * and checksummed, the manifest last; only then is the folder renamed to {@code <target>/<id>/}. A crash or error
 * never leaves a folder that looks like a complete set.
 */
final class BackupSetWriter {

    private static final Logger log = LoggerFactory.getLogger(BackupSetWriter.class);
    static final String PARTIAL_PREFIX = ".partial-";
    static final String MANIFEST = "manifest.json";
    static final String STORAGE_ARCHIVE = "storage.tar.zst";
    /** Far above what a stack with thousands of collections writes; a larger one is not a manifest of ours. */
    static final int MAX_MANIFEST_BYTES = 64 << 20;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** What to back up and how. */
    record Request(String setId, String plan, String trigger, String actor, MongoClient mongo, boolean includeSystemDatabases,
            Path storageFolder, int parallelism, int compressionLevel, String portalVersion, Manifest.StackState stack) {
    }

    /** Progress of a whole set: documents and bytes done so far, and what is being written. */
    @FunctionalInterface
    interface Progress {
        void advanced(String current, long documentsDone, long bytesDone);
    }

    private final Clock clock;
    private final java.util.function.LongUnaryOperator reserveOn;

    /** @param reserveOn the free space a set must leave on a file system of the given total size */
    BackupSetWriter(Clock clock, java.util.function.LongUnaryOperator reserveOn) {
        this.clock = clock;
        this.reserveOn = reserveOn;
    }

    /**
     * @param previousSetSize size of the plan's largest set, the estimate of what this one needs
     * @return the complete set's manifest (the set is at {@code <target>/<setId>})
     */
    Manifest write(Path target, Request request, long previousSetSize, Progress progress) {
        checkTarget(target, previousSetSize);
        Path partial = target.resolve(PARTIAL_PREFIX + request.setId());
        Instant started = clock.instant();
        try {
            Files.createDirectory(partial, OWNER_ONLY_FOLDER);
            List<DumpedCollection> collections = new ArrayList<>();
            List<BackupFile> files = new ArrayList<>();
            if (request.mongo() != null) {
                MongoDumper.Dump dump = new MongoDumper(request.mongo(), request.parallelism(), Math.min(9, request.compressionLevel()))
                        .dump(partial, request.includeSystemDatabases(), new DumpProgress() {
                            @Override
                            public void advanced(String collection, long documents, long bytes) {
                                progress.advanced(collection, documents, bytes);
                            }

                            @Override
                            public void retrying(String collection, int attempt, String why) {
                                log.warn("Backup {}: {} is dumped again from its start (attempt {} of 3) after a transient error: {}",
                                        request.setId(), collection, attempt, why);
                            }
                        });
                collections.addAll(dump.collections());
                files.addAll(dump.files());
            }
            if (request.storageFolder() != null) {
                long documents = collections.stream().mapToLong(DumpedCollection::documents).sum();
                long dumped = collections.stream().mapToLong(DumpedCollection::bsonBytes).sum();
                ChecksummedFile archive = new ChecksummedFile(partial, partial.resolve(STORAGE_ARCHIVE));
                try (archive) {
                    new StorageArchiver(request.compressionLevel()).archive(request.storageFolder(), archive,
                            (path, fileCount, bytes) -> progress.advanced("storage: " + path, documents, dumped + bytes));
                }
                files.add(archive.entry());
            }
            files.sort(Comparator.comparing(BackupFile::path));
            Manifest manifest = new Manifest(Manifest.FORMAT, request.setId(), request.plan(), request.trigger(), request.actor(),
                    started, clock.instant(), request.portalVersion(), request.stack(), collections, files);
            try (ChecksummedFile out = new ChecksummedFile(partial, partial.resolve(MANIFEST))) {
                JSON.writeValue(new java.io.FilterOutputStream(out) {
                    @Override
                    public void close() {
                        // the ChecksummedFile is closed (and synced) by try-with-resources
                    }
                }, manifest);
            }
            ownerOnly(partial);
            Path complete = target.resolve(request.setId());
            Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(target);
            return manifest;
        } catch (IOException e) {
            delete(partial);
            throw new UncheckedIOException("The backup set could not be written to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(partial);
            throw e;
        }
    }

    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY_FOLDER =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

    /** A set is the stack's data: readable by the portal's user only (folders 0700, files 0600), links left alone. */
    private static void ownerOnly(Path set) throws IOException {
        var folders = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
        var files = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        try (Stream<Path> paths = Files.walk(set)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? folders : files);
                }
            }
        }
    }

    private void checkTarget(Path target, long neededBytes) {
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException("The backup target must be an absolute path, not '" + target + "'.");
        }
        try {
            Files.createDirectories(target);
            if (!Files.isWritable(target)) {
                throw new IllegalStateException("The backup target " + target + " is not writable by the portal.");
            }
            java.nio.file.FileStore store = Files.getFileStore(target);
            long usable = store.getUsableSpace();
            long reserve = reserveOn.applyAsLong(store.getTotalSpace());
            if (!fits(usable, neededBytes, reserve)) {
                throw new IllegalStateException("Not enough free space in " + target + ": " + usable / (1024 * 1024) + " MB free, the plan's "
                        + "largest set took " + neededBytes / (1024 * 1024) + " MB and " + reserve / (1024 * 1024) + " MB must stay free. "
                        + "Free some space or let retention remove old sets first.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The backup target " + target + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** A new set is expected to be about as large as the plan's largest, with a tenth to spare, and leave the reserve. */
    static boolean fits(long usableBytes, long largestSetBytes, long reserveBytes) {
        return usableBytes - largestSetBytes - largestSetBytes / 10 >= reserveBytes;
    }

    /** Files of a set whose size or checksum no longer match its own {@code manifest.json}; empty when intact. */
    static List<String> verify(Path set) {
        Manifest manifest;
        try {
            manifest = readManifest(set);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(MANIFEST + ": unreadable (" + e.getMessage() + ")");
        }
        return SetCheck.problems(set, manifest);
    }

    /** A set's {@code manifest.json}, read with a bound (it may come from anywhere) and never through a link. */
    static Manifest readManifest(Path set) throws IOException {
        Path file = set.resolve(MANIFEST);
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException(MANIFEST + " is not a regular file");
        }
        if (attributes.size() > MAX_MANIFEST_BYTES) {
            throw new IOException(MANIFEST + " has " + attributes.size() + " bytes, more than a manifest can have (" + MAX_MANIFEST_BYTES + ")");
        }
        try (InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Manifest.fromJson(new String(in.readNBytes(MAX_MANIFEST_BYTES + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Removes folders of sets that were being written when the portal stopped; returns their names. */
    /** Removes the partial sets in the target of the runs {@code ofRun} accepts (by run id); answers their names. */
    static List<String> removePartials(Path target, java.util.function.Predicate<String> ofRun) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(target)) {
            return removed;
        }
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(target, PARTIAL_PREFIX + "*")) {
            for (Path partial : partials) {
                if (!ofRun.test(partial.getFileName().toString().substring(PARTIAL_PREFIX.length()))) {
                    continue;
                }
                delete(partial);
                removed.add(partial.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every file system lets a folder be synced; the rename itself is atomic
        }
    }

    /**
     * Removes a set's folder, or a partial one, with everything in it; whatever cannot be removed stays (a leftover
     * partial folder is removed at the next start). Returns whether the folder is gone.
     */
    static boolean delete(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // what stays is reported by the check below
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // same
        }
        return !Files.exists(folder);
    }
}
