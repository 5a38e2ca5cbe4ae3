package io.stackkeeper.monitoring;

import io.stackkeeper.backup.BackupEvents;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.SavedBackupPlan;
import io.stackkeeper.base.Transactions;
import io.stackkeeper.security.SystemActor;
import io.stackkeeper.stack.StackEndpoints;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsSaved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The vendor page's checks, made from the stack settings and the backup plans and kept in step with them: a changed
 * URL moves its probes, a removed plan takes its freshness probe along. What operators changed on such a probe
 * (thresholds, intervals, pause) stays; only its target and what it sends follow the settings.
 */
@Component
record ManagedProbes(ProbeBook book, ProbeRepository probes, StackService stack, BackupService backups, LocalHostSampler host,
        MonitoringProperties properties, PlatformTransactionManager transactions) {

    private static final Logger log = LoggerFactory.getLogger(ManagedProbes.class);

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        syncQuietly();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onStackSaved(StackSettingsSaved saved) {
        syncQuietly();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPlanChanged(BackupEvents.PlanChanged changed) {
        syncQuietly();
    }

    private void syncQuietly() {
        if (!properties.createProbes()) {
            return;
        }
        try {
            // after the settings' commit, so in a transaction of its own
            SystemActor.run(() -> Transactions.requiresNew(transactions).executeWithoutResult(status -> sync()));
        } catch (RuntimeException e) {
            log.warn("The probes made from the stack settings could not be brought up to date: {}", e.getMessage());
        }
    }

    /** Creates missing probes, moves changed ones and removes those the settings no longer call for. */
    synchronized void sync() {
        Map<String, ProbeSettings> wanted = wanted();
        for (Probe existing : probes.findByManagedTrue()) {
            ProbeSettings want = wanted.remove(existing.name);
            if (want == null) {
                book.delete(existing.id);
            } else if (!Objects.equals(want.target(), existing.target) || !Objects.equals(want.options(), existing.options)
                    || want.kind() != existing.kind) {
                ProbeSettings kept = existing.settings();
                book.change(existing.id, new ProbeSettings(kept.name(), want.component(), want.kind(), want.target(), want.options(),
                        kept.intervalSeconds(), kept.failingIntervalSeconds(), kept.timeoutMillis(), kept.warning(), kept.critical(),
                        kept.alertAfter(), kept.recoverAfter(), kept.paused()));
            }
        }
        wanted.values().stream().filter(want -> probes.findByName(want.name()).isEmpty()).forEach(want -> book.create(want, true));
    }

    private Map<String, ProbeSettings> wanted() {
        List<ProbeSettings> all = new ArrayList<>();
        hostProbes(all);
        stack.endpoints().ifPresent(endpoints -> stackProbes(endpoints, all));
        for (SavedBackupPlan plan : backups.plans()) {
            if (plan.settings().enabled()) {
                all.add(ProbeSettings.usual("Backups of " + plan.name(), ProbeComponent.BACKUPS, ProbeKind.BACKUP_FRESHNESS, plan.name(),
                        ProbeOptions.NONE, null, null));
            }
        }
        Map<String, ProbeSettings> byName = new LinkedHashMap<>();
        all.forEach(settings -> byName.put(settings.name(), settings));
        return byName;
    }

    private static void stackProbes(StackEndpoints e, List<ProbeSettings> all) {
        all.add(ProbeSettings.usual("Container engine", ProbeComponent.ENGINE, ProbeKind.ENGINE, null, ProbeOptions.NONE, null, null));
        all.add(container("Backend container", ProbeComponent.BACKEND, "backend"));
        all.add(container("Frontend container", ProbeComponent.FRONTEND, "frontend"));
        if (e.backendUrl() != null) {
            all.add(http("Backend /", ProbeComponent.BACKEND, e.backendUrl(), "/", false));
            all.add(http("Backend /status", ProbeComponent.BACKEND, e.backendUrl(), "/status", e.statusUserAgentSet()));
        }
        if (e.frontendUrl() != null) {
            all.add(http("Frontend /", ProbeComponent.FRONTEND, e.frontendUrl(), "/", false));
            all.add(http("Frontend version", ProbeComponent.FRONTEND, e.frontendUrl(), "/tucana-version.txt", false));
        }
        if (e.mongo() != null) {
            all.add(ProbeSettings.usual("MongoDB", ProbeComponent.MONGODB, ProbeKind.MONGODB, null, ProbeOptions.NONE, null, null));
            all.add(ProbeSettings.usual("MongoDB port", ProbeComponent.MONGODB, ProbeKind.TCP, e.mongo(), ProbeOptions.NONE, null, null));
        }
        if (e.redis() != null) {
            all.add(ProbeSettings.usual("Redis", ProbeComponent.REDIS, ProbeKind.REDIS, null, ProbeOptions.NONE, null, null));
            all.add(ProbeSettings.usual("Redis port", ProbeComponent.REDIS, ProbeKind.TCP, e.redis(), ProbeOptions.NONE, null, null));
        }
    }

    private void hostProbes(List<ProbeSettings> all) {
        all.add(hostProbe("Disk free", "disk", "10:", "5:"));
        all.add(hostProbe("Inodes free", "inodes", "10:", "5:"));
        all.add(hostProbe("Load per core", "load", "1.5", "3"));
        all.add(hostProbe("CPU busy", "cpu", "90", "98"));
        all.add(hostProbe("Memory used", "memory", "90", "95"));
        all.add(hostProbe("Swap used", "swap", "50", "80"));
        all.add(hostProbe("Disk busy", "diskio", "80", "95"));
        HostSample sample = host.firstSample();
        if (sample.raid() != null && !sample.raid().isEmpty()) {
            all.add(hostProbe("Software RAID", "raid", null, null));
        }
        if (!sample.temperatures().isEmpty()) {
            all.add(hostProbe("Temperature", "sensors", "80", "90"));
        }
    }

    private static ProbeSettings hostProbe(String name, String metric, String warning, String critical) {
        return new ProbeSettings(name, ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric(metric), 60, 30, 5000, warning,
                critical, 2, 1, false);
    }

    private static ProbeSettings container(String name, ProbeComponent component, String part) {
        return ProbeSettings.usual(name, component, ProbeKind.CONTAINER, part, ProbeOptions.NONE, null, null);
    }

    private static ProbeSettings http(String name, ProbeComponent component, String base, String path, boolean statusAgent) {
        String url = base.replaceAll("/+$", "") + path;
        return ProbeSettings.usual(name, component, ProbeKind.HTTP, url,
                new ProbeOptions(null, null, Map.of(), null, null, statusAgent, null), null, null);
    }
}
