package io.stackkeeper.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Another host through its Prometheus node_exporter: the same readings as OSHI gives of the portal's own host. */
@Component
class NodeExporterSampler {

    private static final int BODY_LIMIT = 16 << 20;
    private static final Set<String> PSEUDO = Set.of("tmpfs", "devtmpfs", "squashfs", "overlay", "ramfs", "autofs", "fuse.lxcfs");

    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    NodeExporterSampler(Clock clock) {
        this.clock = clock;
    }

    HostSample sample(String url, int timeoutMillis) throws IOException, InterruptedException {
        BoundedExchange body = new BoundedExchange(BODY_LIMIT);
        HttpResponse<Void> response = body.send(client, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(timeoutMillis))
                .GET().build(), System.nanoTime() + timeoutMillis * 1_000_000L, timeoutMillis);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("node_exporter at " + url + " answered HTTP " + response.statusCode());
        }
        if (body.overflowed()) {
            throw new IllegalStateException("node_exporter at " + url + " answered more than " + (BODY_LIMIT >> 20) + " MB: not a node_exporter?");
        }
        return of(PromText.parse(body.text()));
    }

    HostSample of(List<PromText.Sample> samples) {
        Map<String, long[]> mounts = new LinkedHashMap<>();
        Map<String, long[]> disks = new LinkedHashMap<>();
        Map<String, int[]> md = new LinkedHashMap<>();
        Set<String> cpus = new HashSet<>();
        List<Double> temperatures = new ArrayList<>();
        double load1 = 0, load5 = 0, load15 = 0, cpuTotal = 0, cpuIdle = 0;
        long memTotal = 0, memAvailable = 0, swapTotal = 0, swapFree = 0;
        for (PromText.Sample s : samples) {
            switch (s.name()) {
                case "node_filesystem_avail_bytes" -> fs(mounts, s, 0);
                case "node_filesystem_size_bytes" -> fs(mounts, s, 1);
                case "node_filesystem_files_free" -> fs(mounts, s, 2);
                case "node_filesystem_files" -> fs(mounts, s, 3);
                case "node_load1" -> load1 = s.value();
                case "node_load5" -> load5 = s.value();
                case "node_load15" -> load15 = s.value();
                case "node_cpu_seconds_total" -> {
                    cpus.add(s.label("cpu"));
                    cpuTotal += s.value();
                    if (s.label("mode").equals("idle") || s.label("mode").equals("iowait")) {
                        cpuIdle += s.value();
                    }
                }
                case "node_memory_MemTotal_bytes" -> memTotal = (long) s.value();
                case "node_memory_MemAvailable_bytes" -> memAvailable = (long) s.value();
                case "node_memory_SwapTotal_bytes" -> swapTotal = (long) s.value();
                case "node_memory_SwapFree_bytes" -> swapFree = (long) s.value();
                case "node_disk_io_time_seconds_total" -> disks.computeIfAbsent(s.label("device"), d -> new long[2])[0] = (long) (s.value() * 1000);
                case "node_disk_io_now" -> disks.computeIfAbsent(s.label("device"), d -> new long[2])[1] = (long) s.value();
                case "node_md_disks_required" -> md.computeIfAbsent(s.label("device"), d -> new int[2])[1] = (int) s.value();
                case "node_md_disks" -> {
                    if (s.label("state").equals("active")) {
                        md.computeIfAbsent(s.label("device"), d -> new int[2])[0] = (int) s.value();
                    }
                }
                case "node_hwmon_temp_celsius" -> temperatures.add(s.value());
                default -> {
                    // other metrics are not read
                }
            }
        }
        List<HostSample.Mount> fileSystems = mounts.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                .map(e -> new HostSample.Mount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        List<HostSample.Disk> devices = disks.entrySet().stream().map(e -> new HostSample.Disk(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        List<HostSample.MdArray> arrays = md.isEmpty() ? null : md.entrySet().stream()
                .map(e -> new HostSample.MdArray(e.getKey(), "md", e.getValue()[0], e.getValue()[1], null)).toList();
        return new HostSample(clock.instant(), fileSystems, load1, load5, load15, Math.max(1, cpus.size()), cpuTotal - cpuIdle, cpuTotal,
                memTotal, memAvailable, swapTotal, swapFree, devices, arrays, temperatures);
    }

    private static void fs(Map<String, long[]> mounts, PromText.Sample s, int index) {
        if (PSEUDO.contains(s.label("fstype"))) {
            return;
        }
        mounts.computeIfAbsent(s.label("mountpoint"), m -> new long[4])[index] = (long) s.value();
    }
}
