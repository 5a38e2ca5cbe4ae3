package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostReadingsTest {

    private static final String HEALTHY = """
            Personalities : [raid1] [linear]
            md0 : active raid1 sdb1[1] sda1[0]
                  976630464 blocks super 1.2 [2/2] [UU]
                  bitmap: 2/8 pages [8KB], 65536KB chunk

            unused devices: <none>
            """;
    private static final String DEGRADED = """
            Personalities : [raid1]
            md0 : active raid1 sda1[0]
                  976630464 blocks super 1.2 [2/1] [U_]

            unused devices: <none>
            """;
    private static final String REBUILDING = """
            Personalities : [raid1] [raid6] [raid5] [raid4]
            md1 : active raid5 sdd1[3] sdc1[2] sdb1[1] sda1[0]
                  2929893888 blocks super 1.2 level 5, 512k chunk, algorithm 2 [4/3] [UUU_]
                  [=====>...............]  recovery = 27.4% (267618688/976631296) finish=93.1min speed=126788K/sec

            md0 : active raid1 sdf1[1] sde1[0]
                  976630464 blocks super 1.2 [2/2] [UU]

            unused devices: <none>
            """;

    @Test
    void mdstat_gives_each_array_with_its_disks_and_any_recovery() {
        assertThat(MdStat.parse(HEALTHY)).containsExactly(new HostSample.MdArray("md0", "raid1", 2, 2, null));
        assertThat(MdStat.parse(DEGRADED)).containsExactly(new HostSample.MdArray("md0", "raid1", 1, 2, null));
        assertThat(MdStat.parse(REBUILDING)).containsExactly(new HostSample.MdArray("md1", "raid5", 3, 4, 27.4),
                new HostSample.MdArray("md0", "raid1", 2, 2, null));
        assertThat(MdStat.parse("Personalities :\nunused devices: <none>\n")).isEmpty();
    }

    @Test
    void a_degraded_array_is_critical_a_rebuilding_one_a_warning_and_no_array_is_not_available() {
        assertThat(HostCheck.finding("raid", sample(MdStat.parse(HEALTHY)), null).state()).isEqualTo(ProbeState.OK);
        Finding degraded = HostCheck.finding("raid", sample(MdStat.parse(DEGRADED)), null);
        assertThat(degraded.state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(degraded.message()).isEqualTo("md0 degraded (1/2)");
        Finding rebuilding = HostCheck.finding("raid", sample(MdStat.parse(REBUILDING)), null);
        assertThat(rebuilding.state()).isEqualTo(ProbeState.WARNING);
        assertThat(rebuilding.message()).contains("md1 degraded (3/4), rebuilding 27.4 %", "md0 healthy (2/2)");
        assertThatThrownBy(() -> HostCheck.finding("raid", sample(null), null)).isInstanceOf(CheckUnavailableException.class)
                .hasMessageContaining("Not available");
    }

    @Test
    void node_exporter_text_gives_the_same_readings_as_the_local_host() {
        String text = """
                # HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
                # TYPE node_filesystem_avail_bytes gauge
                node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 2.5e+10
                node_filesystem_avail_bytes{device="/dev/sdb1",fstype="ext4",mountpoint="/data"} 5e+09
                node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 1e+08
                node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1e+11
                node_filesystem_size_bytes{device="/dev/sdb1",fstype="ext4",mountpoint="/data"} 1e+11
                node_filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 1e+08
                node_load1 3
                node_load5 2
                node_load15 1
                node_cpu_seconds_total{cpu="0",mode="idle"} 900
                node_cpu_seconds_total{cpu="0",mode="user"} 100
                node_cpu_seconds_total{cpu="1",mode="idle"} 950
                node_cpu_seconds_total{cpu="1",mode="user"} 50
                node_memory_MemTotal_bytes 8.589934592e+09
                node_memory_MemAvailable_bytes 2.147483648e+09
                node_memory_SwapTotal_bytes 0
                node_memory_SwapFree_bytes 0
                node_md_disks{device="md0",state="active"} 1
                node_md_disks{device="md0",state="failed"} 0
                node_md_disks_required{device="md0"} 2
                node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 61
                """;
        HostSample sample = new NodeExporterSampler(Clock.systemUTC()).of(PromText.parse(text));
        assertThat(sample.mounts()).extracting(HostSample.Mount::mountPoint).containsExactly("/", "/data");
        Finding disk = HostCheck.finding("disk", sample, null);
        assertThat(disk.measures().get(0)).isEqualTo(new Measure("free /data", 5.0, "%"));
        assertThat(disk.message()).isEqualTo("5.0 % free on /data (the fullest of 2)");
        assertThat(HostCheck.finding("load", sample, null).measures().get(0).value()).isEqualTo(1.5);
        assertThat(HostCheck.finding("memory", sample, null).measures().get(0).value()).isEqualTo(75.0);
        assertThat(HostCheck.finding("swap", sample, null).message()).isEqualTo("no swap configured");
        assertThat(HostCheck.finding("raid", sample, null).state()).isEqualTo(ProbeState.CRITICAL);
        assertThat(HostCheck.finding("sensors", sample, null).measures().get(0).value()).isEqualTo(61.0);
        assertThat(HostCheck.finding("cpu", sample, null).measures().get(0).value()).isEqualTo(7.5);
    }

    @Test
    void prometheus_labels_with_escapes_and_odd_lines_are_read_or_left_out() {
        List<PromText.Sample> samples = PromText.parse("""
                # a comment
                metric_a{path="C:\\\\x",say="he said \\"hi\\"",n="a\\nb"} 1
                metric_b 2.5 1700000000000
                broken{x="1" notanumber
                metric_c +Inf
                """);
        assertThat(samples).extracting(PromText.Sample::name).containsExactly("metric_a", "metric_b", "metric_c");
        assertThat(samples.get(0).labels()).containsEntry("path", "C:\\x").containsEntry("say", "he said \"hi\"").containsEntry("n", "a\nb");
        assertThat(samples.get(1).value()).isEqualTo(2.5);
    }

    private static HostSample sample(List<HostSample.MdArray> raid) {
        return new HostSample(Instant.EPOCH, List.of(), 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, List.of(), raid, List.of());
    }
}
