package io.stackkeeper.logs;

import io.stackkeeper.stack.StackWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The work on the stack (an upgrade, a restore, a backup) running now, told by the stack's claims, so that an
 * incident names it; a crash just after the work ended (a backend that dies once an upgrade is done) names it too.
 */
@Component
class RunningWork {

    static final Duration JUST_AFTER = Duration.ofMinutes(2);

    private record Ended(String work, Instant at) {
    }

    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private volatile Ended lastEnded;

    @EventListener
    void onStarted(StackWork.Started started) {
        running.put(started.work(), started.exclusive());
    }

    @EventListener
    void onEnded(StackWork.Ended ended) {
        running.remove(ended.work());
        lastEnded = new Ended(ended.work(), ended.at());
    }

    /** What ran at {@code at}, as a phrase ("during the upgrade ...", "just after the backup ..."); null when nothing did. */
    String at(Instant at) {
        String exclusive = running.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst().orElse(null);
        if (exclusive != null) {
            return "during " + exclusive;
        }
        String any = running.keySet().stream().sorted().findFirst().orElse(null);
        if (any != null) {
            return "during " + any;
        }
        Ended ended = lastEnded;
        return ended != null && !at.isBefore(ended.at()) && Duration.between(ended.at(), at).compareTo(JUST_AFTER) <= 0
                ? "just after " + ended.work() : null;
    }
}
