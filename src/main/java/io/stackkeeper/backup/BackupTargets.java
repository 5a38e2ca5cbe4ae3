package io.stackkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where backup sets may go: only under the roots the portal's administrator allowed, compared as real paths, so that
 * neither {@code ..} nor a link leads a plan's target (and its retention) anywhere else.
 */
final class BackupTargets {

    private BackupTargets() {
    }

    static Optional<String> problem(Path target, List<Path> roots) {
        Path real = realOrPlanned(target.toAbsolutePath().normalize());
        for (Path root : roots) {
            if (real.startsWith(realOrPlanned(root.toAbsolutePath().normalize()))) {
                return Optional.empty();
            }
        }
        return Optional.of("Backup targets must be under " + String.join(" or ", roots.stream().map(Path::toString).toList())
                + " (STACKKEEPER_BACKUP_ALLOWED_ROOTS).");
    }

    /** The real path of the deepest folder that exists, with the rest of the path as it will be created. */
    private static Path realOrPlanned(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
