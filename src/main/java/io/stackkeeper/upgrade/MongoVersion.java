package io.stackkeeper.upgrade;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A MongoDB release series such as {@code 4.4}: what breaking changes require and what a feature compatibility version names. */
public record MongoVersion(int major, int minor) implements Comparable<MongoVersion> {

    private static final Pattern SERIES = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern SERVER = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?([-+].*)?");
    private static final Comparator<MongoVersion> ORDER = Comparator.comparingInt(MongoVersion::major)
            .thenComparingInt(MongoVersion::minor);

    /** A series written exactly as {@code 4.4}, as the catalog must. */
    public static MongoVersion parseSeries(String text) {
        return parse(SERIES, text, "is not a MongoDB series like 4.4");
    }

    /** The series of a server version as MongoDB reports it ({@code 4.4.29}, {@code 4.2}, {@code 5.0.0-rc1}). */
    public static MongoVersion parseServer(String text) {
        return parse(SERVER, text, "is not a MongoDB version like 4.4.29");
    }

    private static MongoVersion parse(Pattern pattern, String text, String complaint) {
        Matcher m = text == null ? null : pattern.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' " + complaint + ".");
        }
        return new MongoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(MongoVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
