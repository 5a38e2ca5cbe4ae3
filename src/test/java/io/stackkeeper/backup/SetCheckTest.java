package io.stackkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetCheckTest {

    @TempDir
    Path folder;

    @Test
    void manifest_paths_that_leave_the_set_are_refused_before_anything_is_read() {
        Path root = folder.resolve("set");
        assertThat(SetCheck.inside(root, "mongo/toucan/users.bson.gz")).isEqualTo(root.resolve("mongo/toucan/users.bson.gz"));
        assertThat(SetCheck.inside(root, "../elsewhere")).isNull();
        assertThat(SetCheck.inside(root, "mongo/../../elsewhere")).isNull();
        assertThat(SetCheck.inside(root, "/etc/passwd")).isNull();
        assertThat(SetCheck.inside(root, "")).isNull();
        assertThat(SetCheck.inside(root, ".")).isNull();
        assertThat(SetCheck.inside(root, "a\0b")).isNull();
        assertThat(SetCheck.inside(root, null)).isNull();
    }

    @Test
    void a_file_reached_through_a_linked_folder_is_a_problem_and_is_not_read() throws Exception {
        Path set = Files.createDirectories(folder.resolve("set"));
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "x");
        Files.createSymbolicLink(set.resolve("mongo"), outside);
        Files.createSymbolicLink(set.resolve("direct"), outside.resolve("secret"));
        Manifest manifest = new Manifest(Manifest.FORMAT, "s", "p", "manual", "a", Instant.now(), Instant.now(), "0",
                Manifest.StackState.UNKNOWN, List.of(), List.of(new BackupFile("mongo/secret", 1, "00"), new BackupFile("direct", 1, "00")));

        assertThat(SetCheck.problems(set, manifest)).containsExactly("mongo/secret: reached through a symbolic link; refused",
                "direct: not a regular file");
    }

    @Test
    void an_interrupted_swap_is_told_apart_by_which_folders_exist() throws Exception {
        Path current = folder.resolve("storage");
        Path staging = folder.resolve("storage.restoring-1");
        Path kept = folder.resolve("storage.before-restore-1");
        Files.createDirectories(current);
        Files.createDirectories(staging);
        assertThat(StorageSwap.after(current, staging, kept)).isEqualTo(StorageSwap.State.NOT_SWAPPED);
        Files.move(current, kept);
        assertThat(StorageSwap.after(current, staging, kept)).isEqualTo(StorageSwap.State.HALF_SWAPPED);
        Files.move(staging, current);
        assertThat(StorageSwap.after(current, staging, kept)).isEqualTo(StorageSwap.State.SWAPPED);
    }
}
