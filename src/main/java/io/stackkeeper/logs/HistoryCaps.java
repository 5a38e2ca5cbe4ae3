package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Keeps the history within its {@link HistorySettings}: hours that ended before the age cap are deleted, then the
 * oldest hours of any service until all kept hours fit the size cap. Hours being written are never deleted, so the
 * history may exceed a size cap smaller than the hours in hand.
 */
final class HistoryCaps {

    private HistoryCaps() {
    }

    /** Deletes what the caps allow no more; answers the hours deleted. */
    static int enforce(HistoryFolder folder, HistorySettings settings, Instant now,
            Predicate<HistoryFolder.KeptHour> inUse) throws IOException {
        List<HistoryFolder.KeptHour> hours = new ArrayList<>(folder.allHours());
        hours.sort(Comparator.comparing(HistoryFolder.KeptHour::hour).thenComparing(HistoryFolder.KeptHour::service));
        Instant oldestKept = now.minus(settings.maxAge());
        long total = hours.stream().mapToLong(HistoryFolder.KeptHour::bytes).sum();
        int deleted = 0;
        for (HistoryFolder.KeptHour hour : hours) {
            boolean tooOld = !hour.hour().plus(Duration.ofHours(1)).isAfter(oldestKept);
            if ((tooOld || total > settings.maxBytes()) && !inUse.test(hour)) {
                // the data first: a summary without its hour is never read, an hour without its summary is rebuilt
                Files.deleteIfExists(hour.data());
                Files.deleteIfExists(hour.summary());
                total -= hour.bytes();
                deleted++;
            }
        }
        return deleted;
    }
}
