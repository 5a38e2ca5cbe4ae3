package io.stackkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A folder described entry by entry (type, mode, mtime of files, content digest or link target), to compare trees. */
final class FolderTree {

    private FolderTree() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.skip(1).toList()) {
                String name = root.relativize(path).toString();
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(path)) {
                    tree.put(name, "link -> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    tree.put(name, "dir " + mode);
                } else {
                    tree.put(name, "file " + mode + " " + Files.getLastModifiedTime(path).toMillis() / 1000 + " " + sha256(path));
                }
            }
        }
        return tree;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tree without what the sample backend writes into its storage folder when it starts. */
    static Map<String, String> ofFilled(Path root) throws IOException {
        Map<String, String> tree = of(root);
        tree.keySet().removeIf(name -> !name.startsWith("apps") && !name.startsWith("empty")
                && !name.equals("uploads.bin") && !name.equals("current-logo"));
        return tree;
    }

    /** Fills a storage folder with nested files, modes, an old mtime, a symlink and an empty folder. */
    static void fill(Path storage) throws IOException {
        Path nested = Files.createDirectories(storage.resolve("apps/sales/assets"));
        Files.writeString(nested.resolve("logo.svg"), "<svg/>\n");
        Files.setPosixFilePermissions(nested.resolve("logo.svg"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(nested.resolve("logo.svg"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        byte[] data = new byte[300_000];
        new java.util.Random(11).nextBytes(data);
        Files.write(storage.resolve("uploads.bin"), data);
        Files.setPosixFilePermissions(storage.resolve("uploads.bin"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectories(storage.resolve("empty/inside"));
        Files.createSymbolicLink(storage.resolve("current-logo"), Path.of("apps/sales/assets/logo.svg"));
    }
}
