package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The probes' metrics in /actuator/prometheus: read back by a parser, and checked by the Prometheus project's promtool. */
@PortalTest
class PrometheusMetricsTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void each_probe_has_success_duration_state_and_value_in_base_units_that_promtool_accepts() throws Exception {
        ProbeView probe = TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings("Disk \"quoted\" " + System.nanoTime(),
                ProbeComponent.HOST, ProbeKind.HOST, null, ProbeOptions.metric("disk"), 30, 10, 2000, null, "@0:100", 2, 1, false)));
        TestUsers.asAdmin(() -> monitoring.checkNow(probe.id()));
        ApiClient api = new ApiClient(port);
        String token = api.tokenFor(TestUsers.create(accounts, "scraper", Role.VIEWER), TestUsers.PASSWORD);
        ApiClient.Response scraped = api.send("GET", "/actuator/prometheus", ApiClient.bearer(token), null);
        assertThat(scraped.status()).isEqualTo(200);
        String text = scraped.body().asText();
        assertThat(text).as(text.substring(0, Math.min(300, text.length()))).contains("stackkeeper_probe_");

        List<PromText.Sample> ours = PromText.parse(text).stream().filter(s -> s.name().startsWith("stackkeeper_probe_")
                && s.label("probe").equals(probe.name())).toList();
        assertThat(ours).extracting(PromText.Sample::name).containsExactlyInAnyOrder("stackkeeper_probe_success",
                "stackkeeper_probe_duration_seconds", "stackkeeper_probe_state", "stackkeeper_probe_value");
        assertThat(ours).filteredOn(s -> s.name().equals("stackkeeper_probe_state")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(2.0));
        assertThat(ours).filteredOn(s -> s.name().equals("stackkeeper_probe_value")).singleElement()
                .satisfies(s -> assertThat(s.label("unit")).isEqualTo("percent"));
        assertThat(text).contains("# HELP stackkeeper_probe_success ", "# TYPE stackkeeper_probe_duration_seconds gauge");

        String families = text.lines().filter(line -> line.matches("(# (HELP|TYPE) )?stackkeeper_.*"))
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = Files.writeString(dir.resolve("metrics.txt"), families);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile()).redirectErrorStream(true).start();
        String verdict = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor()).as(verdict).isZero();
    }
}
