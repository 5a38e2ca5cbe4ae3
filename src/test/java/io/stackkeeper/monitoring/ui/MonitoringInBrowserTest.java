package io.stackkeeper.monitoring.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.monitoring.MaintenanceView;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.ProbeComponent;
import io.stackkeeper.monitoring.ProbeKind;
import io.stackkeeper.monitoring.ProbeOptions;
import io.stackkeeper.monitoring.ProbeSettings;
import io.stackkeeper.monitoring.ProbeView;
import io.stackkeeper.security.Role;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MonitoringInBrowserTest extends BrowserTest {

    @Autowired
    MonitoringService monitoring;

    @Test
    void an_operator_sees_a_failing_and_a_healthy_probe_filters_the_failing_and_opens_its_chart() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ProbeView healthy = create("Disk of the portal", ProbeKind.HOST, null, ProbeOptions.metric("disk"), "0:");
        ProbeView failing = create("Search service port", ProbeKind.TCP, "127.0.0.1:" + closed, ProbeOptions.NONE, null);
        for (int i = 0; i < 3; i++) {
            TestUsers.asAdmin(() -> monitoring.checkNow(healthy.id()));
            TestUsers.asAdmin(() -> monitoring.checkNow(failing.id()));
        }
        String operator = TestUsers.create(accounts, "watchful", Role.OPERATOR);
        signInAndWait(operator, TestUsers.PASSWORD);
        open("monitoring");
        assertThat(page.locator("#probe-" + failing.id())).containsText("CRITICAL");
        assertThat(page.locator("#probe-" + failing.id())).containsText("connection refused");
        assertThat(page.locator("#probe-" + healthy.id())).containsText("OK");
        assertThat(page.locator("#monitoring-summary")).containsText("critical");
        screenshot("40-monitoring");

        page.locator("#state-filter").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Failing")).click();
        assertThat(page.locator("#probe-" + healthy.id())).hasCount(0);
        assertThat(page.locator("#probe-" + failing.id())).isVisible();

        page.locator("#probe-" + failing.id() + " a").first().click();
        assertThat(page.locator("#probe-message")).containsText("connection refused");
        assertThat(page.locator("#probe-chart svg")).isVisible();
        screenshot("41-probe-chart");
    }

    @Test
    void a_maintenance_window_and_an_open_alert_show_on_top_of_the_page() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ProbeView failing = create("Metrics port", ProbeKind.TCP, "127.0.0.1:" + closed, ProbeOptions.NONE, null);
        TestUsers.asAdmin(() -> monitoring.checkNow(failing.id()));
        TestUsers.asAdmin(() -> monitoring.checkNow(failing.id()));
        MaintenanceView window = TestUsers.asAdmin(() -> monitoring.setMaintenance(java.util.Set.of(ProbeComponent.BACKEND),
                java.time.Instant.now().minusSeconds(600), java.time.Instant.now().plusSeconds(3000), "CDN switch"));
        try {
            String admin = TestUsers.create(accounts, "keeper", Role.ADMIN);
            signInAndWait(admin, TestUsers.PASSWORD);
            open("monitoring");
            assertThat(page.locator("#open-alerts")).containsText(failing.name());
            assertThat(page.locator("#maintenance-windows")).containsText("CDN switch");
            assertThat(page.locator("#notifiers")).isVisible();
            screenshot("42-monitoring-alerts-maintenance");

            page.locator("#open-alerts a").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(failing.name())).first().click();
            assertThat(page.locator("#probe-chart .sk-maintenance-band")).hasCount(1);
            assertThat(page.locator("#probe-alerts")).containsText("no notification");
            screenshot("43-probe-chart-maintenance");
        } finally {
            TestUsers.asAdmin(() -> {
                monitoring.endMaintenance(window.id());
                monitoring.deleteProbe(failing.id());
                return null;
            });
        }
    }

    @Test
    void a_viewer_sees_the_probes_but_no_button_to_change_them() throws Exception {
        ProbeView probe = create("Load of the portal", ProbeKind.HOST, null, ProbeOptions.metric("load"), null);
        TestUsers.asAdmin(() -> monitoring.checkNow(probe.id()));
        String viewer = TestUsers.create(accounts, "glance", Role.VIEWER);
        signInAndWait(viewer, TestUsers.PASSWORD);
        open("monitoring");
        assertThat(page.locator("#probe-" + probe.id())).isVisible();
        assertThat(page.locator("#new-probe")).hasCount(0);
        assertThat(page.locator("#check-" + probe.id())).hasCount(0);
    }

    private ProbeView create(String name, ProbeKind kind, String target, ProbeOptions options, String warning) {
        ProbeComponent component = kind == ProbeKind.HOST ? ProbeComponent.HOST : ProbeComponent.BACKEND;
        return TestUsers.asAdmin(() -> monitoring.createProbe(new ProbeSettings(name + " " + System.nanoTime() % 100000, component, kind,
                target, options, 30, 10, 2000, warning, null, 2, 1, false)));
    }
}
