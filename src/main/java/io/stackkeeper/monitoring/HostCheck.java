package io.stackkeeper.monitoring;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A host metric from a sample of the portal's own host or of a node_exporter: free disk and inodes per mount (the
 * fullest first), load per core, CPU and disk busy since the probe's last run, memory, swap, RAID and temperatures.
 * A metric the host does not expose is "not available" (UNKNOWN), not a failure.
 */
@Component
class HostCheck {

    private final LocalHostSampler local;
    private final NodeExporterSampler remote;
    private final Map<Long, HostSample> previous = new ConcurrentHashMap<>();

    HostCheck(LocalHostSampler local, NodeExporterSampler remote) {
        this.local = local;
        this.remote = remote;
    }

    Finding check(ProbeDefinition probe) throws IOException, InterruptedException {
        HostSample now = probe.settings().kind() == ProbeKind.NODE_EXPORTER
                ? remote.sample(probe.settings().target(), probe.settings().timeoutMillis()) : local.sample();
        HostSample before = previous.put(probe.id(), now);
        return finding(probe.settings().options().metric(), now, before);
    }

    static Finding finding(String metric, HostSample now, HostSample before) {
        return switch (metric) {
            case "disk" -> fullest(now, false);
            case "inodes" -> fullest(now, true);
            case "load" -> Finding.measured(String.format("load %.2f per core (%.2f, %.2f, %.2f on %d cores)", now.load1() / now.cpus(),
                    now.load1(), now.load5(), now.load15(), now.cpus()), new Measure("load1 per core", round(now.load1() / now.cpus()), ""),
                    new Measure("load1", now.load1(), ""), new Measure("load5", now.load5(), ""), new Measure("load15", now.load15(), ""));
            case "cpu" -> cpu(now, before);
            case "memory" -> percentUsed("memory", now.memoryTotal(), now.memoryAvailable());
            case "swap" -> now.swapTotal() == 0 ? new Finding(ProbeState.OK, "no swap configured", List.of(new Measure("swap used", 0, "%")))
                    : percentUsed("swap", now.swapTotal(), now.swapFree());
            case "diskio" -> diskIo(now, before);
            case "raid" -> raid(now);
            case "sensors" -> sensors(now);
            default -> throw new CheckUnavailableException("Unknown host metric '" + metric + "'.");
        };
    }

    private static Finding fullest(HostSample now, boolean inodes) {
        List<Measure> measures = new ArrayList<>();
        now.mounts().stream().filter(m -> !inodes || m.totalInodes() > 0)
                .sorted(Comparator.comparingDouble(m -> inodes ? free(m.freeInodes(), m.totalInodes()) : free(m.freeBytes(), m.totalBytes())))
                .forEach(m -> measures.add(new Measure((inodes ? "inodes free " : "free ") + m.mountPoint(),
                        round(inodes ? free(m.freeInodes(), m.totalInodes()) : free(m.freeBytes(), m.totalBytes())), "%")));
        if (measures.isEmpty()) {
            throw new CheckUnavailableException(inodes ? "No file system reports inodes." : "No file system to measure.");
        }
        Measure least = measures.get(0);
        return new Finding(null, least.value() + " % " + (inodes ? "inodes " : "") + "free on "
                + least.label().substring(least.label().lastIndexOf(' ') + 1) + " (the fullest of " + measures.size() + ")", measures);
    }

    private static Finding cpu(HostSample now, HostSample before) {
        if (before == null || now.cpuTotalSeconds() <= before.cpuTotalSeconds()) {
            double busy = now.cpuTotalSeconds() == 0 ? 0 : now.cpuBusySeconds() / now.cpuTotalSeconds() * 100;
            return Finding.measured("CPU " + round(busy) + " % busy since boot (the next run measures the interval)",
                    new Measure("cpu busy", round(busy), "%"));
        }
        double busy = (now.cpuBusySeconds() - before.cpuBusySeconds()) / (now.cpuTotalSeconds() - before.cpuTotalSeconds()) * 100;
        return Finding.measured("CPU " + round(busy) + " % busy", new Measure("cpu busy", round(busy), "%"));
    }

    private static Finding percentUsed(String what, long total, long free) {
        double used = total == 0 ? 0 : (total - free) * 100.0 / total;
        return Finding.measured(what + " " + round(used) + " % used of " + (total >> 20) + " MiB", new Measure(what + " used", round(used), "%"),
                new Measure(what + " free", free, "B"));
    }

    private static Finding diskIo(HostSample now, HostSample before) {
        if (now.disks().isEmpty()) {
            throw new CheckUnavailableException("No block device to measure.");
        }
        double seconds = before == null ? 0 : Duration.between(before.at(), now.at()).toMillis() / 1000.0;
        List<Measure> measures = new ArrayList<>();
        for (HostSample.Disk disk : now.disks()) {
            HostSample.Disk earlier = before == null ? null : before.disks().stream().filter(d -> d.name().equals(disk.name())).findFirst().orElse(null);
            double busy = earlier == null || seconds <= 0 ? 0 : Math.min(100, (disk.ioMillis() - earlier.ioMillis()) / 10.0 / seconds);
            measures.add(new Measure("busy " + disk.name(), round(busy), "%"));
            measures.add(new Measure("queue " + disk.name(), disk.queue(), ""));
        }
        measures.sort(Comparator.comparing((Measure m) -> !m.label().startsWith("busy")).thenComparing(m -> -m.value()));
        Measure busiest = measures.get(0);
        return Finding.measured(busiest.label().substring(5) + " is " + busiest.value() + " % busy (the busiest of " + now.disks().size() + ")",
                measures.toArray(Measure[]::new));
    }

    private static Finding raid(HostSample now) {
        if (now.raid() == null || now.raid().isEmpty()) {
            throw new CheckUnavailableException("Not available: this host has no software RAID arrays.");
        }
        List<String> words = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        ProbeState state = ProbeState.OK;
        for (HostSample.MdArray array : now.raid()) {
            measures.add(new Measure("missing " + array.name(), Math.max(0, array.required() - array.active()), ""));
            if (array.degraded()) {
                state = state.worst(array.recoveryPercent() == null ? ProbeState.CRITICAL : ProbeState.WARNING);
                words.add(array.name() + " degraded (" + array.active() + "/" + array.required() + ")"
                        + (array.recoveryPercent() == null ? "" : ", rebuilding " + array.recoveryPercent() + " %"));
            } else if (array.recoveryPercent() != null) {
                state = state.worst(ProbeState.WARNING);
                words.add(array.name() + " resyncing " + array.recoveryPercent() + " %");
            } else {
                words.add(array.name() + " healthy (" + array.active() + "/" + array.required() + ")");
            }
        }
        return new Finding(state, String.join(", ", words), measures);
    }

    private static Finding sensors(HostSample now) {
        if (now.temperatures().isEmpty()) {
            throw new CheckUnavailableException("Not available: this host exposes no temperature sensor.");
        }
        double hottest = now.temperatures().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return Finding.measured("hottest sensor " + round(hottest) + " °C", new Measure("temperature", round(hottest), ""));
    }

    private static double free(long free, long total) {
        return total == 0 ? 100 : free * 100.0 / total;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
