package io.stackkeeper.logs;

import io.stackkeeper.stack.StackPart;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What of the stack's logs the portal keeps, and for how long.
 *
 * @param kept the containers whose logs are kept ({@code STACKKEEPER_LOGS_KEPT}, default {@code backend}; add
 *        {@code frontend}, or leave it empty to keep none)
 * @param maxAge kept hours older than this are deleted (default 7 days)
 * @param maxSize the most the kept logs take on disk; past it the oldest hours go first (default 1 GB)
 * @param redactions regular expressions whose matches are replaced by {@code [redacted]} before a line is kept
 *        (ADMIN's rules; at most 50 ms a rule a line)
 * @param liveLines the most lines one open live viewer holds, shown and waiting (default 10,000)
 */
@ConfigurationProperties("stackkeeper.logs")
record LogsProperties(@DefaultValue("BACKEND") Set<StackPart> kept, @DefaultValue("7d") Duration maxAge,
        @DefaultValue("1GB") DataSize maxSize, @DefaultValue List<String> redactions,
        @DefaultValue("10000") int liveLines) {

    HistorySettings history() {
        return new HistorySettings(maxAge, maxSize.toBytes());
    }
}
