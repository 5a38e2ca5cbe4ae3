package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFolderTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void hostile_service_names_are_refused_or_made_into_plain_folder_names() {
        for (String name : List.of("..", ".", "../etc", "a/../../b", ".hidden", "", " ", "x".repeat(65))) {
            assertThatThrownBy(() -> ServiceFolderName.of(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ServiceFolderName.of("Back End/1")).isEqualTo("back_end_1");
        assertThat(ServiceFolderName.of("/etc/passwd")).isEqualTo("_etc_passwd");
        assertThat(ServiceFolderName.of("a\u0000b\\c")).isEqualTo("a_b_c");
        assertThat(ServiceFolderName.of("stack_backend-1.x")).isEqualTo("stack_backend-1.x");
    }

    @Test
    void lines_of_a_hostile_service_name_stay_inside_the_root() throws IOException {
        try (LogHistory history = new LogHistory(root, HistorySettings.DEFAULTS)) {
            history.append("/tmp/evil", "c", T0, "line");
            history.flush();
            assertThatThrownBy(() -> history.append("../../etc", "c", T0, "line"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> history.search(List.of(".."), FROM, TO, LogQuery.ALL, 10, true))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (var files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("_tmp_evil");
        }
    }

    @Test
    void a_link_planted_as_an_hour_file_is_neither_read_nor_written_nor_deleted() throws IOException {
        // a real hour file kept elsewhere, with a line that must not be found through the link
        try (LogHistory other = new LogHistory(elsewhere, HistorySettings.DEFAULTS)) {
            other.append("backend", "b-1", T0, "secret from elsewhere");
        }
        Path target = elsewhere.resolve("backend").resolve("2026-12-01T10.log.zst");
        long targetSize = Files.size(target);
        Files.createDirectories(root.resolve("backend"));
        Files.createSymbolicLink(root.resolve("backend").resolve("2026-12-01T10.log.zst"), target);
        Files.createSymbolicLink(root.resolve("backend").resolve("2026-12-01T09.log.zst"), target);
        try (LogHistory history = new LogHistory(root, new HistorySettings(java.time.Duration.ofHours(1), 1))) {
            history.append("backend", "b-1", T0.plusSeconds(5), "appended through the link?");
            history.flush();
            assertThat(history.droppedLines()).isEqualTo(1);
            assertThat(history.search(List.of("backend"), FROM, TO, LogQuery.ALL, 10, true).lines()).isEmpty();
            history.enforce(TO);
        }
        assertThat(Files.size(target)).isEqualTo(targetSize);
        assertThat(Files.isSymbolicLink(root.resolve("backend").resolve("2026-12-01T09.log.zst"))).isTrue();
    }

    @Test
    void a_link_planted_as_a_service_folder_is_not_followed() throws IOException {
        Files.createSymbolicLink(root.resolve("backend"), elsewhere);
        try (LogHistory history = new LogHistory(root, HistorySettings.DEFAULTS)) {
            history.append("backend", "b-1", T0, "line");
            history.flush();
            assertThat(history.droppedLines()).isEqualTo(1);
            assertThatThrownBy(() -> history.search(List.of("backend"), FROM, TO, LogQuery.ALL, 10, true))
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }
}
