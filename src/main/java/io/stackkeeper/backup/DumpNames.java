package io.stackkeeper.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Database and collection names as file names in a dump, escaped the way mongodump does (Go's
 * {@code url.PathEscape}: letters, digits and {@code -._~$&+:=@} stay, every other byte of the UTF-8 name becomes
 * {@code %XX}), so that {@code mongorestore} maps them back and a name such as {@code a/../../x} stays one file inside
 * its database's folder.
 */
final class DumpNames {

    static final String BSON = ".bson.gz";
    static final String METADATA = ".metadata.json.gz";
    private static final int MAX_FILE_NAME_BYTES = 255;
    private static final String KEPT = "-_.~$&+:=@";

    private DumpNames() {
    }

    static String escape(String name) {
        StringBuilder escaped = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        String result = escaped.toString();
        // MongoDB refuses such names; a hostile manifest may still carry them
        return result.isEmpty() || result.equals(".") || result.equals("..") ? result.replace(".", "%2E") + "%00" : result;
    }

    static Path bson(Path mongoFolder, String database, String collection) {
        return file(mongoFolder, database, collection, BSON);
    }

    static Path metadata(Path mongoFolder, String database, String collection) {
        return file(mongoFolder, database, collection, METADATA);
    }

    private static Path file(Path mongoFolder, String database, String collection, String suffix) {
        String folder = escape(database);
        String file = escape(collection) + suffix;
        if (folder.length() > MAX_FILE_NAME_BYTES || file.length() > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("The name " + database + "." + collection + " is too long for a file name once escaped.");
        }
        return mongoFolder.resolve(folder).resolve(file);
    }
}
