package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The history's folder: {@code <root>/<service>/<yyyy-MM-ddTHH>.log.zst} per service and UTC hour, each with its
 * {@code .summary} beside it. Only plain folders and plain files with these names are the history's: a link, or any
 * other name, planted in the folder is never followed, read, counted or deleted. Service names become folder names
 * through {@link ServiceFolderName}.
 */
final class HistoryFolder {

    static final String DATA = ".log.zst";
    static final String SUMMARY = ".summary";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");

    /**
     * An hour file of a service.
     *
     * @param bytes the hour file's size and its summary's
     */
    record KeptHour(String service, Instant hour, Path data, long bytes) {

        Path summary() {
            return summaryOf(data);
        }
    }

    private final Path root;

    /** The root is created if need be and used by its real path from then on. */
    HistoryFolder(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /**
     * The folder of a service, created when {@code create}; null when it does not exist (and is not to be created).
     * An {@link IOException} when something other than a plain folder stands at its name.
     */
    Path serviceFolder(String service, boolean create) throws IOException {
        Path folder = root.resolve(ServiceFolderName.of(service));
        if (!root.equals(folder.getParent())) {
            throw new IOException("The service name " + service + " does not name a folder of the log history");
        }
        if (create) {
            try {
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                // there already, checked below
            }
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!attributes.isDirectory() || !folder.toRealPath().equals(folder)) {
            throw new IOException(folder + " is not a plain folder (a link?), the log history does not use it");
        }
        return folder;
    }

    static Path dataFile(Path folder, Instant hour) {
        return folder.resolve(HOUR.format(LocalDateTime.ofInstant(hour, ZoneOffset.UTC)) + DATA);
    }

    static Path summaryOf(Path data) {
        String name = data.getFileName().toString();
        return data.resolveSibling(name.substring(0, name.length() - DATA.length()) + SUMMARY);
    }

    static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /** The kept hours of a service, oldest first; none when it has no folder. */
    List<KeptHour> hours(String service) throws IOException {
        Path folder = serviceFolder(service, false);
        return folder == null ? List.of() : hoursIn(ServiceFolderName.of(service), folder);
    }

    /** The kept hours of every service folder under the root, links and strange names left out. */
    List<KeptHour> allHours() throws IOException {
        List<KeptHour> hours = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (isServiceFolderName(name) && isPlain(folder, true)) {
                    hours.addAll(hoursIn(name, folder));
                }
            }
        }
        return hours;
    }

    private static List<KeptHour> hoursIn(String service, Path folder) throws IOException {
        List<KeptHour> hours = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + DATA)) {
            for (Path file : files) {
                Instant hour = hourOfName(file.getFileName().toString());
                BasicFileAttributes data = plainFile(file);
                if (hour != null && data != null) {
                    BasicFileAttributes summary = plainFile(summaryOf(file));
                    hours.add(new KeptHour(service, hour, file, data.size() + (summary == null ? 0 : summary.size())));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        hours.sort((a, b) -> a.hour().compareTo(b.hour()));
        return hours;
    }

    /** The hour an hour file's name stands for, or null when the name is not one the history writes. */
    static Instant hourOfName(String name) {
        if (!name.endsWith(DATA) || name.length() != 13 + DATA.length()) {
            return null;
        }
        try {
            return LocalDateTime.parse(name.substring(0, 13), HOUR).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isServiceFolderName(String name) {
        try {
            return ServiceFolderName.of(name).equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPlain(Path path, boolean folder) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return folder ? attributes.isDirectory() : attributes.isRegularFile();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static BasicFileAttributes plainFile(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
