package io.stackkeeper.logs;

import io.stackkeeper.stack.StackPart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crashes the kept lines tell of ({@link CrashPatterns}): noted as the lines come, recorded as incidents once the
 * second's lines are written, so that an incident's last lines include the crash line. At most one a part every
 * {@link Incidents#SAME_CRASH} (a stack trace repeats its error), none of old lines read again after a restart.
 */
final class CrashLines {

    private static final Logger log = LoggerFactory.getLogger(CrashLines.class);
    private static final Duration CRASH_AGE = Duration.ofMinutes(2);

    /** The kept lines of a part before a time, the newest so many. */
    interface LinesBefore {
        List<String> of(StackPart part, Instant until, int limit);
    }

    private final Incidents incidents;
    private final Clock clock;
    private final LinesBefore linesBefore;
    private final Queue<Crash> seen = new ConcurrentLinkedQueue<>();
    private final Map<StackPart, Instant> lastSeen = new ConcurrentHashMap<>();

    CrashLines(Incidents incidents, Clock clock, LinesBefore linesBefore) {
        this.incidents = incidents;
        this.clock = clock;
        this.linesBefore = linesBefore;
    }

    void look(StackPart part, String container, Instant at, String text) {
        Instant last = lastSeen.get(part);
        if (Duration.between(at, clock.instant()).abs().compareTo(CRASH_AGE) > 0
                || last != null && Duration.between(last, at).compareTo(Incidents.SAME_CRASH) < 0) {
            return;
        }
        CrashPatterns.match(text).ifPresent(verdict -> {
            lastSeen.put(part, at);
            seen.add(new Crash(part.label(), container, verdict, null, at, true, List.of()));
        });
    }

    /** Records the crashes noted since the last call; call it after the kept lines are written. */
    void record() {
        for (Crash noted = seen.poll(); noted != null; noted = seen.poll()) {
            StackPart part = StackPart.valueOf(noted.part().toUpperCase(java.util.Locale.ROOT));
            Crash crash = new Crash(noted.part(), noted.containerName(), noted.verdict(), null, noted.at(), true,
                    linesBefore.of(part, noted.at().plusMillis(1), Incidents.LINES));
            try {
                incidents.record(crash);
            } catch (RuntimeException e) {
                log.warn("The crash of {} told by its log could not be recorded: {}", crash.containerName(), e.toString());
            }
        }
    }
}
