package io.stackkeeper.logs;

import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.stack.StackPart;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which parts' logs are kept: an ADMIN's switch where one was set on the logs page, else {@code stackkeeper.logs.kept}.
 * Applied to the {@link LogKeeper} once the portal is ready and at each switch.
 */
@Component
class KeptParts {

    private final KeepingSwitchRepository switches;
    private final LogsProperties properties;
    private final LogKeeper keeper;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    KeptParts(KeepingSwitchRepository switches, LogsProperties properties, LogKeeper keeper, Clock clock, ApplicationEventPublisher events) {
        this.switches = switches;
        this.properties = properties;
        this.keeper = keeper;
        this.clock = clock;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        configured().forEach(keeper::keep);
    }

    /** Every part, and whether its logs are kept now. */
    Map<StackPart, Boolean> all() {
        Map<StackPart, Boolean> kept = new EnumMap<>(StackPart.class);
        for (StackPart part : StackPart.values()) {
            kept.put(part, keeper.keeps(part));
        }
        return kept;
    }

    /** Every part, and whether an ADMIN's switch or the settings say that its logs are kept. */
    private Map<StackPart, Boolean> configured() {
        Map<StackPart, Boolean> kept = new EnumMap<>(StackPart.class);
        for (StackPart part : StackPart.values()) {
            kept.put(part, properties.kept().contains(part));
        }
        switches.findAll().forEach(s -> {
            try {
                kept.put(StackPart.valueOf(s.part), s.kept);
            } catch (IllegalArgumentException unknown) {
                // a part this version does not have
            }
        });
        return kept;
    }

    @Transactional
    void set(StackPart part, boolean on) {
        switches.save(new KeepingSwitch(part.name(), on, RequestOrigin.actor(), clock.instant()));
        events.publishEvent(new KeepingChanged(part.label(), on));
        keeper.keep(part, on);
    }

    private record KeepingChanged(String part, boolean kept) implements AuditableEvent {

        @Override
        public String action() {
            return kept ? "logs.keeping-on" : "logs.keeping-off";
        }

        @Override
        public String target() {
            return part + " logs";
        }
    }
}
