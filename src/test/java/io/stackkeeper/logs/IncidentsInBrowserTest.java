package io.stackkeeper.logs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IncidentsInBrowserTest extends BrowserTest {

    @Autowired
    Incidents incidents;

    @Test
    void an_operator_sees_a_crash_on_the_dashboard_and_reads_its_last_lines_on_the_logs_page() {
        String container = "sk-sample-backend-" + System.nanoTime() % 1_000_000;
        incidents.record(new Crash("backend", container, CrashVerdict.of(139, false).orElseThrow(), 139, Instant.now(), false,
                List.of("{\"time\":\"2026-12-04T03:00:00Z\",\"level\":\"info\",\"message\":\"listening on port 8000\",\"logger\":\"http\"}",
                        "{\"time\":\"2026-12-04T03:00:06Z\",\"level\":\"error\",\"message\":\"request worker crashed\",\"logger\":\"worker\"}",
                        "Segmentation fault (core dumped)")));
        String operator = TestUsers.create(accounts, "crash-reader", Role.OPERATOR);
        signInAndWait(operator, TestUsers.PASSWORD);

        assertThat(page.locator("#incidents-card")).containsText("this week");
        assertThat(page.locator("#incidents-newest")).containsText("backend segmentation fault (exit 139)");

        open("logs");
        assertThat(page.locator("#incidents")).containsText("Crash incidents");
        assertThat(page.locator("#incidents-grid")).containsText(container);
        screenshot("54-logs-incidents");
        page.locator("#incidents-grid vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(container))
                .first().click();
        assertThat(page.locator("#incident-lines")).containsText("request worker crashed");
        assertThat(page.locator("#incident-lines")).containsText("Segmentation fault (core dumped)");
        screenshot("55-incident-lines");
    }
}
