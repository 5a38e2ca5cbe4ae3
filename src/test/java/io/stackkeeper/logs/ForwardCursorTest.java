package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forwarding's saved place read back, and a damaged, oversized or planted file that counts for nothing. */
class ForwardCursorTest {

    private static final List<String> KNOWN = List.of("backend", "frontend");
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_saved_place_reads_back_and_services_the_portal_does_not_know_are_ignored() throws Exception {
        ForwardCursor cursor = new ForwardCursor(dir.resolve("forwarded"));
        cursor.save(Map.of("backend", new ForwardCursor.Position(AT, 3)));
        Files.writeString(dir.resolve("forwarded"), "../../etc\t" + AT + "\t1\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(cursor.load(KNOWN)).containsExactly(Map.entry("backend", new ForwardCursor.Position(AT, 3)));
        assertThat(dir.resolve("forwarded.next")).doesNotExist();
    }

    @Test
    void a_damaged_an_oversized_or_a_linked_file_counts_as_no_place_at_all() throws Exception {
        Path file = dir.resolve("forwarded");
        ForwardCursor cursor = new ForwardCursor(file);
        Files.write(file, new byte[] {'b', 'a', 'c', 'k', (byte) 0xff, '\t', 'x', '\t', 'y'});
        assertThat(cursor.load(KNOWN)).isEmpty();

        Files.writeString(file, ("backend\t" + AT + "\t1\n").repeat(10_000)); // 300 KB: read up to its bound, the cut line damaged
        assertThat(cursor.load(KNOWN)).isEmpty();

        Files.delete(file);
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "backend\t" + AT + "\t1\n");
        Files.createSymbolicLink(file, elsewhere);
        assertThat(cursor.load(KNOWN)).as("never read through a link").isEmpty();
    }

    @Test
    void a_link_planted_where_the_next_place_is_written_is_not_followed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "untouched");
        ForwardCursor cursor = new ForwardCursor(dir.resolve("forwarded"));
        Files.createSymbolicLink(dir.resolve("forwarded.next"), victim);

        cursor.save(Map.of("backend", new ForwardCursor.Position(AT, 1)));

        assertThat(Files.readString(victim)).isEqualTo("untouched");
        assertThat(cursor.load(KNOWN)).containsEntry("backend", new ForwardCursor.Position(AT, 1));
        assertThatThrownBy(() -> new ForwardCursor(dir.resolve("missing-folder").resolve("forwarded"))
                .save(Map.of("backend", new ForwardCursor.Position(AT, 1)))).isInstanceOf(java.io.IOException.class);
    }
}
