package io.stackkeeper.logs;

import java.time.Instant;
import java.util.List;

/**
 * A crash incident of one of the stack's containers.
 *
 * @param part {@code backend}, {@code frontend}, ...
 * @param exitCode the container's exit code, or null when the incident came from its log
 * @param lastAt when it last happened again (a crash loop folds into one incident)
 * @param duringWork the work on the stack then, as a phrase ({@code during the upgrade to 90.0.0 (request 4)},
 *        {@code just after the backup ...}), or null
 * @param lastLines the last lines before it, oldest first (empty in lists, filled when one incident is read)
 */
public record IncidentView(long id, String part, String containerName, IncidentKind kind, String summary, Integer exitCode,
        Instant happenedAt, Instant lastAt, int occurrences, String duringWork, List<String> lastLines) {
}
