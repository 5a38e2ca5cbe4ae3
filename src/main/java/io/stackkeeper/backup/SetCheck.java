package io.stackkeeper.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a set's folder against a manifest: every file there, of its size and SHA-256. The manifest's paths are not
 * trusted (a manifest on disk can be written by whoever writes the target): a path that leaves the set's folder, or
 * that passes through a symbolic link, is a problem and is never read.
 */
final class SetCheck {

    private SetCheck() {
    }

    /** What is wrong with the set against {@code manifest}, one line per file; empty when every file matches. */
    static List<String> problems(Path set, Manifest manifest) {
        List<String> problems = new ArrayList<>();
        Path root;
        try {
            root = set.toRealPath();
        } catch (IOException e) {
            return List.of(set + ": the set's folder cannot be read (" + e.getMessage() + ")");
        }
        for (BackupFile file : manifest.files()) {
            Path path = inside(root, file.path());
            if (path == null) {
                problems.add(file.path() + ": not a path inside the set; refused");
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()) {
                    problems.add(file.path() + ": not a regular file");
                } else if (!path.getParent().toRealPath().equals(path.getParent())) {
                    problems.add(file.path() + ": reached through a symbolic link; refused");
                } else if (attributes.size() != file.size()) {
                    problems.add(file.path() + ": " + attributes.size() + " bytes instead of " + file.size());
                } else if (!sha256(path).equals(file.sha256())) {
                    problems.add(file.path() + ": checksum differs from the manifest");
                }
            } catch (java.nio.file.NoSuchFileException e) {
                problems.add(file.path() + ": missing");
            } catch (IOException e) {
                problems.add(file.path() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return problems;
    }

    /** The manifest's relative path resolved under {@code root}, or {@code null} when it would leave it. */
    static Path inside(Path root, String relative) {
        try {
            if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0) {
                return null;
            }
            Path path = Path.of(relative);
            if (path.isAbsolute()) {
                return null;
            }
            for (Path part : path) {
                if (part.toString().equals("..") || part.toString().equals(".")) {
                    return null;
                }
            }
            Path resolved = root.resolve(path).normalize();
            return resolved.startsWith(root) && !resolved.equals(root) ? resolved : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
