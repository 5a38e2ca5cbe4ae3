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
import org.apache.commons.compress.archivers.tar.TarConstants;
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
                .isInstanceOf(IOException.class).hasMessageContaining("'../escaped.txt'").hasMessageContaining("refused");
        assertThat(work.resolve("escaped.txt")).doesNotExist();
    }

    private record Entry(String name, byte type, String linkName, String content) {
        static Entry file(String name, String content) {
            return new Entry(name, TarConstants.LF_NORMAL, null, content);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, TarConstants.LF_SYMLINK, target, null);
        }

        static Entry hardLink(String name, String target) {
            return new Entry(name, TarConstants.LF_LINK, target, null);
        }
    }

    private static byte[] crafted(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(bytes))) {
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type());
                if (e.linkName() != null) {
                    entry.setLinkName(e.linkName());
                }
                byte[] content = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void assertRefused(String message, Entry... entries) throws IOException {
        Path target = work.resolve("hostile-" + System.nanoTime());
        byte[] archive = crafted(entries);
        assertThatThrownBy(() -> new StorageArchiver(3).extract(new java.io.ByteArrayInputStream(archive), target))
                .isInstanceOf(IOException.class).hasMessageContaining(message).hasMessageContaining("refused");
    }

    @Test
    void a_folder_link_out_of_the_target_is_refused_and_nothing_is_written_through_it() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        assertRefused("points outside", Entry.symlink("x", elsewhere.toString()), Entry.file("x/owned", "owned"));
        assertRefused("points outside", Entry.symlink("x", "../../elsewhere"), Entry.file("x/owned", "owned"));
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void a_regular_entry_never_writes_through_a_link_the_archive_made_inside_the_target() throws IOException {
        assertRefused("appears twice", Entry.file("a.txt", "original"), Entry.symlink("y", "a.txt"), Entry.file("y", "overwritten"));
        assertRefused("passes through x, which is a link", Entry.file("d/inside.txt", "in"), Entry.symlink("x", "d"),
                Entry.file("x/owned", "owned"));
    }

    @Test
    void hard_links_must_point_to_a_file_extracted_before_them() throws IOException {
        Path outsideFile = Files.writeString(work.resolve("precious.txt"), "keep me");
        assertRefused("is absolute", Entry.hardLink("h", outsideFile.toString()));
        assertRefused("climbs out", Entry.hardLink("h", "../precious.txt"));
        assertRefused("does not point to a file extracted before it", Entry.hardLink("h", "not-there"));
        assertThat(outsideFile).hasContent("keep me");

        Path target = work.resolve("hard-linked");
        byte[] archive = crafted(Entry.file("a.txt", "shared"), Entry.hardLink("b.txt", "a.txt"));
        new StorageArchiver(3).extract(new java.io.ByteArrayInputStream(archive), target);
        assertThat(target.resolve("b.txt")).hasContent("shared");
    }

    @Test
    void extraction_goes_only_into_a_fresh_folder() throws IOException {
        Path existing = Files.createDirectories(work.resolve("existing"));
        byte[] archive = crafted(Entry.file("a.txt", "x"));
        assertThatThrownBy(() -> new StorageArchiver(3).extract(new java.io.ByteArrayInputStream(archive), existing))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }
}
