package io.stackkeeper.monitoring;

import io.stackkeeper.base.PortalInstances;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which probes this portal runs when several share the database: each probe belongs to one portal by rendezvous
 * hashing over the portals Quartz counts in, so a probe stays with its portal (its alerting memory with it) and only
 * the probes of a portal that joins or leaves move. The portals are read again at most every {@value #REFRESH_SECONDS}
 * seconds; when the database cannot be read the last view holds, and before the first read this portal runs none.
 */
@Component
class ProbeShare {

    static final long REFRESH_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(ProbeShare.class);

    private final PortalInstances instances;
    private final Clock clock;
    private volatile List<String> portals = List.of();
    private volatile String me;
    private volatile Instant readAt = Instant.EPOCH;

    ProbeShare(PortalInstances instances, Clock clock) {
        this.instances = instances;
        this.clock = clock;
    }

    /** Reads the portals again when it is time; answers whether they changed. */
    boolean refresh() {
        Instant now = clock.instant();
        if (!portals.isEmpty() && Duration.between(readAt, now).getSeconds() < REFRESH_SECONDS) {
            return false;
        }
        readAt = now;
        try {
            List<String> sharing = instances.all();
            me = instances.mine();
            if (sharing.equals(portals)) {
                return false;
            }
            log.info("Probes are shared by {} portal(s): {}", sharing.size(), sharing);
            portals = sharing;
            return true;
        } catch (RuntimeException e) {
            log.debug("The portals sharing the probes could not be read: {}", e.toString());
            return false;
        }
    }

    /** How many portals share the probes, as last read (0 before the first read). */
    int portals() {
        return portals.size();
    }

    /** Whether this portal runs the probe: never before it has read the portals once, always while it is alone. */
    boolean mine(long probe) {
        if (portals.isEmpty()) {
            refresh();
        }
        List<String> sharing = portals;
        return !sharing.isEmpty() && (sharing.size() == 1 || owner(sharing, probe).equals(me));
    }

    /** The portal that runs the probe: the one whose weight for it is highest. */
    static String owner(List<String> portals, long probe) {
        String owner = null;
        long best = 0;
        for (String portal : portals) {
            long weight = weight(portal, probe);
            if (owner == null || Long.compareUnsigned(weight, best) > 0) {
                owner = portal;
                best = weight;
            }
        }
        return owner;
    }

    /** SplitMix64 of the portal's and the probe's identity: the same on every portal, spread evenly. */
    private static long weight(String portal, long probe) {
        long z = portal.hashCode() * 0x9E3779B97F4A7C15L + probe;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
