package io.stackkeeper.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username, whether or not the user exists: after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW} the username is locked for {@link #LOCK_DURATION}.
 */
final class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    /** Where every name that cannot be a username is counted, so odd spellings share one budget of attempts. */
    static final String NOT_A_USERNAME = "(not a username)";
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    LoginAttempts(Clock clock) {
        this.clock = clock;
    }

    boolean isLocked(String username) {
        Instant until = lockedUntil.get(key(username));
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key(username), until);
        return false;
    }

    /** Records a failure; returns true when this failure locked the username. */
    boolean failed(String username) {
        String key = key(username);
        Instant now = clock.instant();
        pruneIfLarge(now);
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX_FAILURES) {
                recent.clear();
                lockedUntil.put(key, now.plus(LOCK_DURATION));
                return true;
            }
            return false;
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    /** The monitor that serialises sign-in attempts for one username. */
    Object lockFor(String username) {
        if (locks.size() > PRUNE_ABOVE) {
            locks.clear();
        }
        return locks.computeIfAbsent(key(username), k -> new Object());
    }

    /**
     * The one spelling a username is counted and looked up under: stored names are lowercase ASCII, so anything
     * else (other scripts, look-alike letters, over-long input) is not a username and shares one key.
     */
    static String canonical(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() ? name : NOT_A_USERNAME;
    }

    private static String key(String username) {
        return canonical(username);
    }

    private void pruneIfLarge(Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(now.minus(WINDOW));
                }
            });
            lockedUntil.entrySet().removeIf(e -> !e.getValue().isAfter(now));
        }
    }
}
