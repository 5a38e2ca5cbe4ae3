package io.stackkeeper.monitoring;

import io.stackkeeper.base.PortalNews;
import io.stackkeeper.base.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The probes: validated, stored, audited, and held in memory for the rounds: read again after every change here, on
 * news of a change on another portal, and at least every {@value #READ_AGAIN_SECONDS} seconds (news may be lost).
 */
@Component
class ProbeBook {

    private final ProbeRepository probes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    static final long READ_AGAIN_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(ProbeBook.class);
    private static final String NEWS = "probes-changed";

    private final PortalNews news;
    private volatile List<ProbeDefinition> active;
    private volatile Instant readAt = Instant.EPOCH;

    ProbeBook(ProbeRepository probes, ApplicationEventPublisher events, Clock clock, PortalNews news) {
        this.news = news;
        this.probes = probes;
        this.events = events;
        this.clock = clock;
    }

    /** The probes that run (not paused), as of the last change. */
    List<ProbeDefinition> active() {
        List<ProbeDefinition> known = active;
        Instant now = clock.instant();
        if (known == null || readAt.isBefore(now.minusSeconds(READ_AGAIN_SECONDS))) {
            try {
                known = probes.findAll().stream().filter(p -> !p.paused).map(Probe::definition).toList();
                active = known;
            } catch (RuntimeException e) {
                if (known == null) {
                    throw e;
                }
                // the database is away: the probes go on as last read (they may be what tells of the outage)
                log.warn("The probes could not be read again ({}); running them as last read.", e.toString());
            }
            readAt = now;
        }
        return known;
    }

    List<Probe> all() {
        return probes.findAllByOrderByComponentAscNameAsc();
    }

    Probe get(long id) {
        return probes.findById(id).orElseThrow(() -> new NoSuchElementException("There is no probe " + id + "."));
    }

    Probe byName(String name) {
        return probes.findByName(name).orElseThrow(() -> new NoSuchElementException("There is no probe named '" + name + "'."));
    }

    Probe create(ProbeSettings settings, boolean managed) {
        ProbeRules.require(settings);
        requireFreeName(settings.name(), null);
        Probe probe = new Probe();
        probe.apply(settings);
        probe.managed = managed;
        stamp(probe);
        probes.save(probe);
        events.publishEvent(new MonitoringEvents.ProbeCreated(probe.name, probe.kind.name(), probe.target, managed));
        changed();
        return probe;
    }

    Probe change(long id, ProbeSettings settings) {
        ProbeRules.require(settings);
        Probe probe = get(id);
        requireFreeName(settings.name(), id);
        ProbeSettings before = probe.settings();
        probe.apply(settings);
        stamp(probe);
        probes.save(probe);
        events.publishEvent(new MonitoringEvents.ProbeChanged(probe.name, difference(before, probe.settings())));
        changed();
        return probe;
    }

    void delete(long id) {
        Probe probe = get(id);
        probes.delete(probe);
        events.publishEvent(new MonitoringEvents.ProbeDeleted(probe.name));
        changed();
    }

    private void requireFreeName(String name, Long self) {
        probes.findByName(name.strip()).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new io.stackkeeper.base.FieldsRefusedException("The probe is not saved",
                    java.util.Map.of("name", "Another probe is named '" + name.strip() + "'."));
        });
    }

    private void stamp(Probe probe) {
        probe.updatedBy = RequestOrigin.actor();
        probe.updatedAt = clock.instant();
    }

    private void changed() {
        active = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    news.tell(NEWS, "{}");
                }
            });
        } else {
            news.tell(NEWS, "{}");
        }
    }

    @EventListener
    void heard(PortalNews.Heard heard) {
        if (NEWS.equals(heard.topic())) {
            active = null;
        }
    }

    private static String difference(ProbeSettings a, ProbeSettings b) {
        List<String> fields = new ArrayList<>();
        for (var component : ProbeSettings.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    fields.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields.isEmpty() ? "nothing" : String.join(", ", fields);
    }
}
