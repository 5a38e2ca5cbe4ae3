package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's cluster instance id kept in its data folder: the same across starts, never taken from a planted file. */
class SchedulerInstanceIdTest {

    @TempDir
    Path dir;

    @Test
    void the_id_is_made_once_and_kept_across_starts() {
        DataFolder data = new DataFolder(new PortalProperties(dir, null));
        String first = SchedulerDatabase.instanceId(data);

        assertThat(first).matches("portal-[0-9a-f-]{13}");
        assertThat(SchedulerDatabase.instanceId(data)).isEqualTo(first);
    }

    @Test
    void a_garbled_oversized_or_linked_file_is_replaced_by_a_new_id() throws Exception {
        DataFolder data = new DataFolder(new PortalProperties(dir, null));
        Path file = dir.resolve("portal-instance-id");

        Files.writeString(file, "'; DROP TABLE QRTZ_LOCKS; --");
        assertThat(SchedulerDatabase.instanceId(data)).startsWith("portal-");

        Files.writeString(file, "a".repeat(5_000));
        assertThat(SchedulerDatabase.instanceId(data)).startsWith("portal-");

        Files.delete(file);
        Path planted = Files.writeString(dir.resolve("planted"), "someone-elses-portal");
        Files.createSymbolicLink(file, planted);
        assertThat(SchedulerDatabase.instanceId(data)).startsWith("portal-");
        assertThat(Files.readString(planted)).isEqualTo("someone-elses-portal");
    }
}
