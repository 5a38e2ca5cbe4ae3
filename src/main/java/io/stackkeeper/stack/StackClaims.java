package io.stackkeeper.stack;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Who works on the stack right now. Shared work (backups, drills) runs side by side; exclusive work (a restore, an
 * upgrade) runs alone, and nothing else starts while it runs.
 */
@org.springframework.stereotype.Component
final class StackClaims {

    private record Claim(String work, boolean exclusive, Instant since) {
    }

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<Claim> claims = new ArrayList<>();

    StackClaims(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    synchronized StackClaim claim(String work, boolean exclusive) {
        for (Claim claim : claims) {
            if (claim.exclusive() || exclusive) {
                throw new StackBusyException("The stack is busy: " + claim.work() + " is running since " + claim.since()
                        + ". Try again when it has finished.");
            }
        }
        Claim claim = new Claim(work, exclusive, clock.instant());
        claims.add(claim);
        events.publishEvent(new StackWork.Started(work, exclusive, claim.since()));
        return new Held(claim);
    }

    /** Refuses work that needs the stack alone unless {@code claim} is an exclusive claim that is still held. */
    synchronized void requireExclusive(StackClaim claim) {
        if (!(claim instanceof Held held) || !held.claim.exclusive() || claims.stream().noneMatch(c -> c == held.claim)) {
            throw new StackBusyException("This needs the stack alone: claim it exclusively first (an upgrade or a restore does).");
        }
    }

    private void release(Claim claim) {
        boolean held;
        synchronized (this) {
            held = claims.removeIf(c -> c == claim);
        }
        if (held) {
            events.publishEvent(new StackWork.Ended(claim.work(), claim.exclusive(), clock.instant()));
        }
    }

    private final class Held implements StackClaim {
        private final Claim claim;

        Held(Claim claim) {
            this.claim = claim;
        }

        @Override
        public void close() {
            release(claim);
        }
    }

    synchronized List<String> running() {
        return claims.stream().map(Claim::work).toList();
    }
}
