package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The vendor page's checks appear with the stack settings and follow them when they change. */
@PortalTest
class ManagedProbesTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");

    @Autowired
    MonitoringService monitoring;

    @Autowired
    StackService stack;

    @Autowired
    AuditLog audit;

    @Test
    void saving_the_stack_settings_creates_the_vendor_pages_checks_and_a_changed_url_moves_them() throws Exception {
        sample.awaitReady();
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        Map<String, ProbeView> managed = managed();
        assertThat(managed).containsKeys("Container engine", "Backend /", "Backend /status", "Backend container", "Frontend /",
                "Frontend version", "Frontend container", "MongoDB", "MongoDB port", "Disk free", "Inodes free", "Load per core", "CPU busy",
                "Memory used", "Swap used", "Disk busy");
        ProbeView status = managed.get("Backend /status");
        assertThat(status.target()).isEqualTo("http://127.0.0.1:" + sample.backendPort + "/status");
        assertThat(status.settings().options().useStatusUserAgent()).isTrue();
        assertThat(status.component()).isEqualTo(ProbeComponent.BACKEND);
        assertThat(managed.get("MongoDB port").target()).isEqualTo("127.0.0.1:" + sample.mongo.port());
        ProbeOutcome checked = TestUsers.asAdmin(() -> monitoring.checkNow(status.id()));
        assertThat(checked.state()).as(checked.message()).isEqualTo(ProbeState.OK);

        ProbeView tuned = TestUsers.asAdmin(() -> monitoring.changeProbe(status.id(), withWarning(status.settings(), "0.5")));
        StackSettingsChange moved = sample.settings();
        TestUsers.asAdmin(() -> stack.saveSettings(new StackSettingsChange(moved.engine(), moved.containers(), moved.databases(),
                new StackSettingsChange.Urls("http://localhost:" + sample.backendPort, moved.urls().frontendUrl(), moved.urls().statusUserAgent()),
                moved.storageHostPath(), moved.registry())));
        ProbeView after = managed().get("Backend /status");
        assertThat(after.id()).isEqualTo(tuned.id());
        assertThat(after.target()).isEqualTo("http://localhost:" + sample.backendPort + "/status");
        assertThat(after.settings().warning()).as("what the operator set stays").isEqualTo("0.5");
        assertThat(TestUsers.asAdmin(() -> audit.slice(new AuditQuery(null, "probe.changed", null, null, null), 0, 200)))
                .anySatisfy(entry -> assertThat(entry.target()).isEqualTo("Backend /status"));
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
    }

    private Map<String, ProbeView> managed() {
        return TestUsers.asAdmin(() -> monitoring.probes()).stream().filter(ProbeView::managed)
                .collect(Collectors.toMap(ProbeView::name, Function.identity()));
    }

    private static ProbeSettings withWarning(ProbeSettings s, String warning) {
        return new ProbeSettings(s.name(), s.component(), s.kind(), s.target(), s.options(), s.intervalSeconds(), s.failingIntervalSeconds(),
                s.timeoutMillis(), warning, s.critical(), s.alertAfter(), s.recoverAfter(), s.paused());
    }
}
