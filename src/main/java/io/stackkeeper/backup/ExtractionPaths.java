package io.stackkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Where an archive entry may go inside an extraction root, and the checks that keep it there: no absolute names, no
 * {@code ..}, no folder on the way that is a link, no link whose target leaves the root.
 */
final class ExtractionPaths {

    private ExtractionPaths() {
    }

    /** The entry's place under {@code root}; {@code null} for the root itself ({@code ./}); refuses names that leave it. */
    static Path destination(Path root, String name) throws IOException {
        Path relative = relative(name);
        if (relative == null) {
            return null;
        }
        return root.resolve(relative);
    }

    /** Creates the folders above {@code destination} one by one, refusing any that exists as a link or a file. */
    static void createParents(Path root, Path destination, String name) throws IOException {
        Path folder = root;
        for (Path part : root.relativize(destination.getParent() == null ? root : destination.getParent())) {
            if (part.toString().isEmpty()) {
                continue;
            }
            folder = folder.resolve(part);
            createFolder(folder, name);
        }
    }

    /** Creates a folder, or accepts one that is already a real folder (never a link to one). */
    static void createFolder(Path folder, String name) throws IOException {
        BasicFileAttributes existing = attributes(folder);
        if (existing == null) {
            Files.createDirectory(folder);
        } else if (!existing.isDirectory()) {
            throw new IOException("The archive entry '" + name + "' passes through " + folder.getFileName()
                    + ", which is " + (existing.isSymbolicLink() ? "a link" : "a file") + "; refused.");
        }
    }

    static void requireAbsent(Path destination, String name) throws IOException {
        if (attributes(destination) != null) {
            throw new IOException("The archive entry '" + name + "' appears twice; refused.");
        }
    }

    /** A symbolic link's target as written, when it is relative and stays under {@code root} from the link's folder. */
    static Path linkTarget(Path root, Path link, TarArchiveEntry entry) throws IOException {
        Path target;
        try {
            target = Path.of(entry.getLinkName());
        } catch (InvalidPathException e) {
            throw new IOException("The link '" + entry.getName() + "' has an unreadable target; refused.");
        }
        if (entry.getLinkName().isEmpty() || target.isAbsolute() || !link.getParent().resolve(target).normalize().startsWith(root)) {
            throw new IOException("The link '" + entry.getName() + "' points outside the storage folder (" + entry.getLinkName()
                    + "); refused.");
        }
        return target;
    }

    /** A hard link's target: an entry already extracted as a regular file under {@code root}. */
    static Path hardLinkTarget(Path root, TarArchiveEntry entry) throws IOException {
        Path relative = relative(entry.getLinkName());
        Path target = relative == null ? null : root.resolve(relative);
        BasicFileAttributes existing = target == null ? null : attributes(target);
        if (existing == null || !existing.isRegularFile() || !target.getParent().toRealPath().equals(target.getParent())) {
            throw new IOException("The hard link '" + entry.getName() + "' does not point to a file extracted before it ("
                    + entry.getLinkName() + "); refused.");
        }
        return target;
    }

    private static Path relative(String name) throws IOException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IOException("The archive entry '" + name + "' is not a valid path; refused.");
        }
        if (name.isEmpty() || path.isAbsolute()) {
            throw new IOException("The archive entry '" + name + "' is absolute; refused.");
        }
        Path clean = null;
        for (Path part : path) {
            String text = part.toString();
            if (text.equals("..")) {
                throw new IOException("The archive entry '" + name + "' climbs out with '..'; refused.");
            }
            if (!text.equals(".") && !text.isEmpty()) {
                clean = clean == null ? part : clean.resolve(part);
            }
        }
        return clean;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }
}
