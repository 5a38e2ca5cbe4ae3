package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * One reading of a host, from OSHI on the portal's own host or from a node_exporter elsewhere. Counters (CPU and disk
 * busy time) are cumulative: rates come from two samples.
 *
 * @param raid the software RAID arrays, or null when the host cannot tell
 * @param temperatures sensor temperatures in °C; empty where none is exposed
 */
record HostSample(Instant at, List<Mount> mounts, double load1, double load5, double load15, int cpus, double cpuBusySeconds,
        double cpuTotalSeconds, long memoryTotal, long memoryAvailable, long swapTotal, long swapFree, List<Disk> disks,
        List<MdArray> raid, List<Double> temperatures) {

    /** A mounted file system: bytes and inodes. */
    record Mount(String mountPoint, long freeBytes, long totalBytes, long freeInodes, long totalInodes) {
    }

    /** A block device: cumulative milliseconds spent doing I/O, and requests waiting now. */
    record Disk(String name, long ioMillis, long queue) {
    }

    /** An md array: disks active and required, and the recovery or resync progress when one runs. */
    record MdArray(String name, String level, int active, int required, Double recoveryPercent) {

        boolean degraded() {
            return active < required;
        }
    }
}
