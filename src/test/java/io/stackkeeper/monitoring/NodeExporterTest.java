package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote host probes against Debian's prometheus-node-exporter, run by the test on free ports. */
class NodeExporterTest {

    @TempDir
    Path dir;

    private final List<Process> exporters = new ArrayList<>();
    private final NodeExporterSampler sampler = new NodeExporterSampler(Clock.systemUTC());

    @AfterEach
    void stopExporters() {
        exporters.forEach(Process::destroy);
    }

    @Test
    void disk_load_memory_and_cpu_of_a_host_come_from_its_node_exporter() throws Exception {
        String url = exporter();
        HostSample first = sampler.sample(url, 5000);
        assertThat(first.mounts()).isNotEmpty();
        assertThat(first.cpus()).isPositive();
        assertThat(first.memoryTotal()).isPositive();
        Thread.sleep(1100);
        HostSample second = sampler.sample(url, 5000);
        assertThat(HostCheck.finding("disk", second, first).measures()).allSatisfy(m -> assertThat(m.value()).isBetween(0.0, 100.0));
        assertThat(HostCheck.finding("cpu", second, first).measures().get(0).value()).isBetween(0.0, 100.0);
        assertThat(HostCheck.finding("memory", second, first).message()).contains("% used of");
        assertThat(HostCheck.finding("load", second, first).measures().get(0).label()).isEqualTo("load1 per core");
    }

    @Test
    void a_degraded_array_that_node_exporter_reports_is_critical() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.writeString(proc.resolve("mdstat"), """
                Personalities : [raid1]
                md0 : active raid1 sda1[0]
                      976630464 blocks super 1.2 [2/1] [U_]

                unused devices: <none>
                """);
        String url = exporter("--path.procfs=" + proc, "--collector.disable-defaults", "--collector.mdadm");
        Finding raid = HostCheck.finding("raid", sampler.sample(url, 5000), null);
        assertThat(raid.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(raid.message()).isEqualTo("md0 degraded (1/2)");
    }

    private String exporter(String... options) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + port));
        command.addAll(List.of(options));
        exporters.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("exporter-" + port + ".log").toFile())
                .start());
        String url = "http://127.0.0.1:" + port + "/metrics";
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return url;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("node_exporter did not start: " + Files.readString(dir.resolve("exporter-" + port + ".log")));
    }
}
