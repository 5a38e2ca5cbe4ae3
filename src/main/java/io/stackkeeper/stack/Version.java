package io.stackkeeper.stack;

import java.util.Comparator;

/** A pinned release version, {@code major.minor.patch}. Backend and frontend are compatible when majors are equal. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor).thenComparingInt(Version::patch);

    public static Version parse(String text) {
        return ImageReference.parse("x:" + text.strip()).version()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a version like 89.0.0."));
    }

    public boolean compatibleWith(Version other) {
        return major == other.major;
    }

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
