package io.stackkeeper.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSFileStore;

/** The portal's own host through OSHI, plus {@code /proc/mdstat} for software RAID, which OSHI does not read. */
@Component
class LocalHostSampler {

    private static final Set<String> PSEUDO = Set.of("tmpfs", "devtmpfs", "squashfs", "overlay", "proc", "sysfs", "cgroup", "cgroup2",
            "devpts", "mqueue", "nsfs", "fuse.lxcfs", "ramfs", "autofs", "tracefs", "debugfs", "securityfs", "pstore", "bpf");
    private static final Path MDSTAT = Path.of("/proc/mdstat");

    private final Clock clock;
    private final HardwareAbstractionLayer hardware;
    private final SystemInfo system = new SystemInfo();
    private volatile HostSample first;

    LocalHostSampler(Clock clock) {
        this.clock = clock;
        this.hardware = system.getHardware();
    }

    /** A sample taken once, for what stays as it is while the portal runs (which arrays and sensors exist). */
    HostSample firstSample() {
        HostSample taken = first;
        if (taken == null) {
            taken = sample();
            first = taken;
        }
        return taken;
    }

    HostSample sample() {
        List<HostSample.Mount> mounts = system.getOperatingSystem().getFileSystem().getFileStores(true).stream()
                .filter(store -> store.getTotalSpace() > 0 && !PSEUDO.contains(store.getType()))
                .map(LocalHostSampler::mount).toList();
        CentralProcessor cpu = hardware.getProcessor();
        double[] load = cpu.getSystemLoadAverage(3);
        long[] ticks = cpu.getSystemCpuLoadTicks();
        long total = 0;
        for (long tick : ticks) {
            total += tick;
        }
        long idle = ticks[CentralProcessor.TickType.IDLE.getIndex()] + ticks[CentralProcessor.TickType.IOWAIT.getIndex()];
        GlobalMemory memory = hardware.getMemory();
        List<HostSample.Disk> disks = hardware.getDiskStores().stream()
                .map(disk -> new HostSample.Disk(disk.getName(), disk.getTransferTime(), disk.getCurrentQueueLength())).toList();
        double temperature = hardware.getSensors().getCpuTemperature();
        return new HostSample(clock.instant(), mounts, load[0], load[1], load[2], cpu.getLogicalProcessorCount(),
                (total - idle) / 1000.0, total / 1000.0, memory.getTotal(), memory.getAvailable(),
                memory.getVirtualMemory().getSwapTotal(), memory.getVirtualMemory().getSwapTotal() - memory.getVirtualMemory().getSwapUsed(),
                disks, raid(), temperature > 0 && !Double.isNaN(temperature) ? List.of(temperature) : List.of());
    }

    private static HostSample.Mount mount(OSFileStore store) {
        return new HostSample.Mount(store.getMount(), store.getUsableSpace(), store.getTotalSpace(), store.getFreeInodes(),
                store.getTotalInodes());
    }

    private static List<HostSample.MdArray> raid() {
        try {
            return Files.isReadable(MDSTAT) ? MdStat.parse(Files.readString(MDSTAT)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
