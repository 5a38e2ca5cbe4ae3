package io.stackkeeper.backup;

import io.stackkeeper.base.DataFolder;
import io.stackkeeper.base.FieldsRefusedException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The folders backup targets must be under: the configured ones ({@code STACKKEEPER_BACKUP_ALLOWED_ROOTS}, by default
 * {@code <data>/backups}) and those an admin added on the Backups page or through the API.
 */
@Component
class TargetRoots {

    private final JdbcTemplate jdbc;
    private final BackupProperties properties;
    private final DataFolder dataFolder;
    private final Clock clock;

    TargetRoots(DataSource dataSource, BackupProperties properties, DataFolder dataFolder, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
        this.dataFolder = dataFolder;
        this.clock = clock;
    }

    /** The configured roots, which only the portal's configuration changes. */
    List<Path> configured() {
        return properties.allowedRoots(dataFolder.root());
    }

    /** The roots an admin added. */
    List<Path> added() {
        return jdbc.queryForList("SELECT path FROM backup_target_root ORDER BY path", String.class).stream().map(Path::of).toList();
    }

    List<Path> all() {
        Set<Path> all = new LinkedHashSet<>(configured());
        all.addAll(added());
        return List.copyOf(all);
    }

    /** Replaces the added roots; each must be an absolute, plain path. Returns them as saved. */
    List<Path> replaceAdded(List<String> roots, String actor) {
        List<Path> checked = new ArrayList<>();
        for (String root : roots == null ? List.<String>of() : roots) {
            checked.add(checked(root));
        }
        jdbc.update("DELETE FROM backup_target_root");
        for (Path root : new LinkedHashSet<>(checked)) {
            jdbc.update("INSERT INTO backup_target_root (path, added_by, added_at) VALUES (?, ?, ?)", root.toString(), actor,
                    Timestamp.from(clock.instant()));
        }
        return added();
    }

    private static Path checked(String root) {
        String text = root == null ? "" : root.strip();
        try {
            Path path = Path.of(text);
            if (text.length() > 1000 || !path.isAbsolute() || !path.normalize().equals(path) || path.getParent() == null) {
                throw refused(text);
            }
            return path;
        } catch (InvalidPathException e) {
            throw refused(text);
        }
    }

    private static FieldsRefusedException refused(String root) {
        return new FieldsRefusedException("The target folders cannot be saved", Map.of("roots",
                "'" + (root.length() > 80 ? root.substring(0, 80) + "…" : root) + "' is not an absolute folder path without '..' "
                        + "(and not / itself), of at most 1000 characters."));
    }
}
