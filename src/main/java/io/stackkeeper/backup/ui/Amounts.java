package io.stackkeeper.backup.ui;

import io.stackkeeper.base.ByteSize;
import java.time.Duration;
import java.util.Locale;

/** Sizes, rates and durations as the backup pages print them. */
final class Amounts {


    private Amounts() {
    }

    static String bytes(Long bytes) {
        return bytes == null ? "" : ByteSize.format(bytes);
    }

    static String rate(Long bytesPerSecond) {
        return bytesPerSecond == null ? "" : bytes(bytesPerSecond) + "/s";
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    static String count(Long count) {
        return count == null ? "" : String.format(Locale.ENGLISH, "%,d", count);
    }

    static String ago(Duration duration) {
        long hours = duration.toHours();
        if (duration.toMinutes() < 1) {
            return "just now";
        }
        if (hours < 1) {
            return duration.toMinutes() + (duration.toMinutes() == 1 ? " minute ago" : " minutes ago");
        }
        if (hours < 48) {
            return hours + (hours == 1 ? " hour ago" : " hours ago");
        }
        return duration.toDays() + " days ago";
    }
}
