package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage archive on a real folder, read back by us and by GNU tar. */
class StorageArchiverTest {

    @TempDir
    Path work;

    private Path storage;
    private static final FileTime OLD = FileTime.from(Instant.parse("2024-02-03T04:05:06Z"));

    @BeforeEach
    void storageFolder() throws IOException {
        storage = Files.createDirectories(work.resolve("storage"));
        Path nested = Files.createDirectories(storage.resolve("a/b"));
        Files.writeString(nested.resolve("c.txt"), "hello from the storage folder\n");
        Files.setPosixFilePermissions(nested.resolve("c.txt"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(nested.resolve("c.txt"), OLD);
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        Files.write(storage.resolve("top.bin"), random);
        Files.setPosixFilePermissions(storage.resolve("top.bin"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(storage.resolve("empty"));
        Files.createSymbolicLink(storage.resolve("link"), Path.of("a/b/c.txt"));
        Files.setLastModifiedTime(storage.resolve("a"), OLD);
    }

    private Path archive() throws IOException {
        Path archive = work.resolve("storage.tar.zst");
        try (OutputStream out = Files.newOutputStream(archive)) {
            StorageArchiver.Archived archived = new StorageArchiver(3).archive(storage, out, (p, f, b) -> { });
            assertThat(archived.files()).isEqualTo(2);
            assertThat(archived.bytes()).isEqualTo(200_000 + "hello from the storage folder\n".length());
        }
        return archive;
    }

    private void assertSameTree(Path restored) throws IOException {
        assertThat(Files.readString(restored.resolve("a/b/c.txt"))).isEqualTo("hello from the storage folder\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("a/b/c.txt")))).isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(restored.resolve("a/b/c.txt"))).isEqualTo(OLD);
        assertThat(Files.getLastModifiedTime(restored.resolve("a"))).isEqualTo(OLD);
        assertThat(Files.readAllBytes(restored.resolve("top.bin"))).isEqualTo(Files.readAllBytes(storage.resolve("top.bin")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("top.bin")))).isEqualTo("rwxr-xr-x");
        assertThat(restored.resolve("empty")).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(restored.resolve("link"))).isTrue();
        assertThat(Files.readSymbolicLink(restored.resolve("link"))).isEqualTo(Path.of("a/b/c.txt"));
        assertThat(Files.exists(restored.resolve("link"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void an_archive_restores_paths_modes_times_symlinks_and_empty_folders() throws IOException {
        Path archive = archive();
        Path restored = work.resolve("restored");
        try (InputStream in = Files.newInputStream(archive)) {
            new StorageArchiver(3).extract(in, restored);
        }
        assertSameTree(restored);
    }

    @Test
    void gnu_tar_reads_the_archive_with_zstd() throws Exception {
        Path archive = archive();
        Path restored = Files.createDirectories(work.resolve("by-gnu-tar"));
        Process tar = new ProcessBuilder("tar", "--zstd", "-xpf", archive.toString(), "-C", restored.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(output).isZero();
        assertSameTree(restored);
    }

    @Test
    void an_entry_that_would_escape_the_target_folder_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(bytes))) {
            TarArchiveEntry evil = new TarArchiveEntry("../escaped.txt");
            byte[] content = "x".getBytes(StandardCharsets.UTF_8);
            evil.setSize(content.length);
            tar.putArchiveEntry(evil);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        Path target = work.resolve("target");
        assertThatThrownBy(() -> new StorageArchiver(3).extract(new java.io.ByteArrayInputStream(bytes.toByteArray()), target))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the target folder");
        assertThat(work.resolve("escaped.txt")).doesNotExist();
    }
}
