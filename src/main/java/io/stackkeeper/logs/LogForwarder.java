package io.stackkeeper.logs;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.DataFolder;
import io.stackkeeper.stack.StackPart;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forwards the kept lines to the syslog receiver of {@code stackkeeper.logs.forward.target}, once a second on a thread
 * of its own ({@link SyslogForwarding}); its place is saved in {@code <data>/logs/forwarded}. Off without a target.
 */
@Component
class LogForwarder {

    private static final Logger log = LoggerFactory.getLogger(LogForwarder.class);

    private final LogForwardingProperties settings;
    private final SyslogForwarding forwarding;
    private final ScheduledExecutorService ticks;
    private String toldFailure;

    LogForwarder(LogKeeper keeper, DataFolder data, LogForwardingProperties settings, Clock clock) {
        this.settings = settings;
        if (!settings.enabled()) {
            this.forwarding = null;
            this.ticks = null;
            return;
        }
        LogHistory history = keeper.history();
        List<String> services = Arrays.stream(StackPart.values()).map(StackPart::label).toList();
        this.forwarding = new SyslogForwarding(
                history::linesAfter,
                services, settings, hostname(settings), new ForwardCursor(data.resolve("logs").resolve("forwarded")),
                () -> SyslogConnection.open(settings.target(), settings.caFile()), clock);
        this.ticks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("log-forwarder"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (forwarding != null) {
            log.info("Forwarding the kept logs to {}.", settings.target());
            ticks.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Where the lines go, how many went, and why the last attempt failed; null while forwarding is off. */
    ForwardingState state() {
        return forwarding == null ? null : new ForwardingState(settings.target().toString(), forwarding.forwarded(), forwarding.lastFailure());
    }

    record ForwardingState(String target, long forwarded, String failure) {
    }

    private void tick() {
        try {
            forwarding.tick();
            String failure = forwarding.lastFailure();
            if (failure != null && !failure.equals(toldFailure)) {
                log.warn("Forwarding the kept logs to {} failed: {}. Trying again, from the last line delivered.", settings.target(), failure);
            } else if (failure == null && toldFailure != null) {
                log.info("Forwarding the kept logs to {} works again.", settings.target());
            }
            toldFailure = failure;
        } catch (RuntimeException e) {
            log.warn("Forwarding the kept logs failed this second: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
            forwarding.close();
        }
    }

    private static String hostname(LogForwardingProperties settings) {
        if (settings.hostname() != null && !settings.hostname().isBlank()) {
            return settings.hostname();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "stackkeeper";
        }
    }

}
