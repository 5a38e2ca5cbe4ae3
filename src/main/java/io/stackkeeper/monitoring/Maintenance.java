package io.stackkeeper.monitoring;

import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.TextLimits;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.stack.StackWork;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Maintenance windows: set by hand, and opened by themselves while work runs on the stack (a backup or a drill puts
 * MongoDB in maintenance; a restore or an upgrade, which stop or recreate the backend, every part of the stack).
 * Probes still run and record in a window; their alerts notify nobody.
 */
@Component
record Maintenance(MaintenanceRepository windows, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    private static final Set<ProbeComponent> SHARED_WORK = EnumSet.of(ProbeComponent.MONGODB);
    private static final Set<ProbeComponent> EXCLUSIVE_WORK = EnumSet.of(ProbeComponent.BACKEND, ProbeComponent.FRONTEND,
            ProbeComponent.MONGODB, ProbeComponent.REDIS);

    boolean covers(ProbeComponent component, Instant at) {
        return windows.activeAt(at).stream().anyMatch(w -> w.covers(component, at));
    }

    List<MaintenanceView> current() {
        return windows.currentOrAfter(clock.instant().minusSeconds(86_400)).stream().map(MaintenanceWindow::view).toList();
    }

    List<MaintenanceView> overlapping(ProbeComponent component, Instant from, Instant to) {
        return windows.overlapping(from, to).stream().filter(w -> w.componentSet().contains(component)).map(MaintenanceWindow::view).toList();
    }

    MaintenanceView create(Set<ProbeComponent> components, Instant startsAt, Instant endsAt, String reason) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (components == null || components.isEmpty()) {
            problems.put("components", "Choose the components the window is for.");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            problems.put("endsAt", "The window must end after it starts.");
        }
        if (reason == null || reason.isBlank()) {
            problems.put("reason", "Say why, e.g. \"kernel update\".");
        }
        TextLimits.check(problems, "reason", reason, 500);
        if (!problems.isEmpty()) {
            throw new FieldsRefusedException("The maintenance window is not saved", problems);
        }
        MaintenanceWindow window = save(components, startsAt, endsAt, reason.strip(), RequestOrigin.actor(), false);
        events.publishEvent(new MonitoringEvents.MaintenanceChanged(window.id, "set"));
        return window.view();
    }

    void end(long id) {
        MaintenanceWindow window = windows.findById(id).orElseThrow(() -> new NoSuchElementException("There is no maintenance window " + id + "."));
        if (window.endsAt == null || window.endsAt.isAfter(clock.instant())) {
            window.endsAt = clock.instant();
            windows.save(window);
            events.publishEvent(new MonitoringEvents.MaintenanceChanged(window.id, "ended"));
        }
    }

    /** Never lets the work that claims the stack fail: a window that cannot be written is only logged. */
    @EventListener
    void onWorkStarted(StackWork.Started started) {
        try {
            Transactions.requiresNew(transactions).executeWithoutResult(tx -> save(started.exclusive() ? EXCLUSIVE_WORK : SHARED_WORK,
                    started.at(), null, started.work(), RequestOrigin.SYSTEM_ACTOR, true));
        } catch (RuntimeException e) {
            log.warn("No maintenance window for {}: {}", started.work(), e.toString());
        }
    }

    @EventListener
    void onWorkEnded(StackWork.Ended ended) {
        try {
            Transactions.requiresNew(transactions).executeWithoutResult(tx -> windows.findByAutomaticTrueAndEndsAtIsNullAndReason(ended.work())
                    .forEach(window -> {
                        window.endsAt = ended.at();
                        windows.save(window);
                    }));
        } catch (RuntimeException e) {
            log.warn("The maintenance window of {} could not be closed: {}", ended.work(), e.toString());
        }
    }

    private MaintenanceWindow save(Set<ProbeComponent> components, Instant startsAt, Instant endsAt, String reason, String by, boolean automatic) {
        MaintenanceWindow window = new MaintenanceWindow();
        window.components = components.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        window.startsAt = startsAt;
        window.endsAt = endsAt;
        window.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        window.createdBy = by;
        window.automatic = automatic;
        return windows.save(window);
    }
}
