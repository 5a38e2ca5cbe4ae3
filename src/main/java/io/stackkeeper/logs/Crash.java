package io.stackkeeper.logs;

import java.time.Instant;
import java.util.List;

/**
 * One crash as seen once: by the engine (a container's death, with its exit code) or in the container's log.
 *
 * @param lastLines the last lines before it, oldest first
 */
record Crash(String part, String containerName, CrashVerdict verdict, Integer exitCode, Instant at, boolean fromLog, List<String> lastLines) {
}
