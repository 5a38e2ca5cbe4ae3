package io.stackkeeper.stack;

import io.stackkeeper.base.PortalInstances;
import io.stackkeeper.base.PortalTurns;
import io.stackkeeper.base.TextLimits;
import io.stackkeeper.base.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who works on the stack right now, across every portal on the database. Shared work (backups, drills) runs side by
 * side; exclusive work (a restore, an upgrade) runs alone, and nothing else starts while it runs. A claim is a row of
 * {@code stack_claim}, written while holding the turn {@link PortalTurns#STACK_CLAIMS}, so two portals claiming at once
 * take turns. A claim of a portal that stopped checking in, or of this portal's earlier life, no longer counts.
 */
@Component
class StackClaims {

    private static final Logger log = LoggerFactory.getLogger(StackClaims.class);

    private record Claim(String id, String work, boolean exclusive, String portal, Instant since) {
    }

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final PortalInstances instances;
    private final PortalTurns turns;
    private final TransactionTemplate ownTransaction;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    StackClaims(Clock clock, ApplicationEventPublisher events, JdbcTemplate jdbc, PortalInstances instances,
            PlatformTransactionManager transactions, PortalTurns turns) {
        this.turns = turns;
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.instances = instances;
        this.ownTransaction = Transactions.requiresNew(transactions);
    }

    StackClaim claim(String work, boolean exclusive) {
        String portal = instances.mine();
        Claim claim = new Claim(UUID.randomUUID().toString(), TextLimits.clip(work, 500), exclusive, portal,
                clock.instant());
        try {
            ownTransaction.executeWithoutResult(tx -> {
                take();
                for (Claim other : removeThoseThatNoLongerCount(all())) {
                    if (other.exclusive() || exclusive) {
                        throw new StackBusyException("The stack is busy: " + other.work() + where(other) + " is running since "
                                + other.since() + ". Try again when it has finished.");
                    }
                }
                jdbc.update("INSERT INTO stack_claim (id, work, exclusive_work, portal_instance, since) VALUES (?, ?, ?, ?, ?)",
                        claim.id(), claim.work(), claim.exclusive(), claim.portal(), Timestamp.from(claim.since()));
                // held before the commit: a claim of this portal that is not held no longer counts, and would be removed
                held.add(claim.id());
            });
        } catch (RuntimeException e) {
            if (held.remove(claim.id())) {
                remove(claim);
            }
            throw e;
        }
        events.publishEvent(new StackWork.Started(claim.work(), exclusive, claim.since()));
        return new Held(claim);
    }

    /**
     * Refuses work that needs the stack alone unless {@code claim} is an exclusive claim that this portal holds and whose
     * row is still there (another portal removes it only once this one stopped checking in).
     */
    void requireExclusive(StackClaim claim) {
        if (!(claim instanceof Held h) || !h.claim.exclusive() || !held.contains(h.claim.id())
                || jdbc.queryForObject("SELECT COUNT(*) FROM stack_claim WHERE id = ?", Integer.class, h.claim.id()) == 0) {
            throw new StackBusyException("This needs the stack alone: claim it exclusively first (an upgrade or a restore does).");
        }
    }

    /** The work running on the stack, on this portal and on the others (named by their instance); only reads. */
    List<String> running() {
        return all().stream().filter(this::counts).map(claim -> claim.work() + where(claim)).toList();
    }

    private String where(Claim claim) {
        return claim.portal().equals(instances.mine()) ? "" : " (on the portal " + claim.portal() + ")";
    }

    private List<Claim> all() {
        return jdbc.query("SELECT id, work, exclusive_work, portal_instance, since FROM stack_claim ORDER BY since",
                (row, n) -> new Claim(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4), row.getTimestamp(5).toInstant()));
    }

    /** Claims of this portal's earlier life count for the other portals while this one checks in again: they go at its start. */
    @EventListener(ApplicationReadyEvent.class)
    void forgetEarlierLife() {
        for (String id : jdbc.queryForList("SELECT id FROM stack_claim WHERE portal_instance = ?", String.class, instances.mine())) {
            if (!held.contains(id)) {
                log.info("Removed a claim on the stack left by this portal's earlier life.");
                jdbc.update("DELETE FROM stack_claim WHERE id = ?", id);
            }
        }
    }

    private void take() {
        try {
            turns.take(PortalTurns.STACK_CLAIMS);
        } catch (PortalTurns.BusyException e) {
            throw new StackBusyException("Another portal is claiming the stack right now: try again in a moment.");
        }
    }

    /** A claim counts while this portal holds it, or while the other portal that holds it checks in. */
    private boolean counts(Claim claim) {
        return claim.portal().equals(instances.mine()) ? held.contains(claim.id()) : instances.another(claim.portal());
    }

    /** The claims that count; removes the others (called holding the turn). */
    private List<Claim> removeThoseThatNoLongerCount(List<Claim> all) {
        List<Claim> counted = new ArrayList<>();
        for (Claim claim : all) {
            if (counts(claim)) {
                counted.add(claim);
            } else {
                log.info("The claim of {} by portal {} no longer counts: that portal {}.", claim.work(), claim.portal(),
                        claim.portal().equals(instances.mine()) ? "let go of it or was restarted" : "stopped checking in");
                jdbc.update("DELETE FROM stack_claim WHERE id = ?", claim.id());
            }
        }
        return counted;
    }

    private void release(Claim claim) {
        if (!held.remove(claim.id())) {
            return;
        }
        remove(claim);
        events.publishEvent(new StackWork.Ended(claim.work(), claim.exclusive(), clock.instant()));
    }

    private void remove(Claim claim) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                ownTransaction.executeWithoutResult(tx -> jdbc.update("DELETE FROM stack_claim WHERE id = ?", claim.id()));
                return;
            } catch (RuntimeException e) {
                // the row no longer counts here; elsewhere it counts until this portal claims again, restarts or stops
                log.warn("The claim of {} could not be removed (attempt {} of 3): {}", claim.work(), attempt, e.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
