package io.stackkeeper.logs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LogsInBrowserTest extends BrowserTest {

    @Autowired
    StackService stack;

    @Autowired
    LogKeeper keeper;

    @Autowired
    LogService logs;

    @org.junit.jupiter.api.BeforeEach
    void keepTheBackendsLogs() {
        keeper.keep(io.stackkeeper.stack.StackPart.BACKEND, true);
    }

    @org.junit.jupiter.api.AfterEach
    void keepNoLogs() {
        keeper.keep(io.stackkeeper.stack.StackPart.BACKEND, false);
    }

    @Test
    void an_operator_reads_the_kept_backend_lines_narrows_them_by_a_field_query_and_downloads_what_is_shown() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, Map.of("SAMPLE_HEARTBEAT_SECONDS", "1"))) {
            sample.awaitReady();
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String operator = TestUsers.create(accounts, "reader", Role.OPERATOR);
            signInAndWait(operator, TestUsers.PASSWORD);
            open("logs");
            for (int i = 0; i < 30 && !page.locator("#logs-grid").textContent().contains("heartbeat"); i++) {
                Thread.sleep(1000);
                page.locator("#logs-search").click();
            }
            assertThat(page.locator("#logs-grid")).containsText("heartbeat");
            assertThat(page.locator("#logs-summary")).containsText("following " + sample.backendName);
            screenshot("50-logs");

            page.locator("#logs-filter input").fill("logger:main");
            page.locator("#logs-filter input").press("Enter");
            assertThat(page.locator("#logs-grid")).containsText("starting backend 89.0.0");

            page.locator("#logs-filter input").fill("logger:migrations");
            page.locator("#logs-filter input").press("Enter");
            assertThat(page.locator("#logs-grid")).containsText("migrations done");
            screenshot("51-logs-filtered");

            Download download = page.waitForDownload(() -> page.locator("#logs-download-jsonl").click());
            String body = Files.readString(download.path());
            org.assertj.core.api.Assertions.assertThat(body.lines()).isNotEmpty().allMatch(line -> line.contains("\"logger\":\"migrations\""));

            page.locator("#logs-filter input").fill("/(a+)+(/");
            page.locator("#logs-filter input").press("Enter");
            assertThat(page.locator("#logs-filter")).hasAttribute("invalid", "");
        }
    }

    @Test
    void an_admin_switches_which_containers_logs_are_kept_and_an_operator_sees_the_switches_but_cannot_flip_them() {
        String admin = TestUsers.create(accounts, "keeping-admin", Role.ADMIN);
        signInAndWait(admin, TestUsers.PASSWORD);
        open("logs");
        page.locator("#keeping").click();
        assertThat(page.locator("#keep-backend")).hasAttribute("checked", "");
        assertThat(page.locator("#keep-frontend")).not().hasAttribute("checked", "");
        page.locator("#keep-frontend").click();
        assertThat(page.locator("#keeping")).containsText("Kept logs: backend, frontend");
        screenshot("56-logs-keeping");
        org.assertj.core.api.Assertions.assertThat(keeper.keeps(io.stackkeeper.stack.StackPart.FRONTEND)).isTrue();
        org.assertj.core.api.Assertions.assertThat(TestUsers.asAdmin(() -> logs.keeping()).kept())
                .containsEntry(io.stackkeeper.stack.StackPart.FRONTEND, true);
        page.locator("#keep-frontend").click();
        assertThat(page.locator("#keeping")).not().containsText("Kept logs: backend, frontend");
        org.assertj.core.api.Assertions.assertThat(keeper.keeps(io.stackkeeper.stack.StackPart.FRONTEND)).isFalse();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestUsers.as("keeping-op", java.util.List.of(Role.OPERATOR),
                () -> {
                    logs.keep(io.stackkeeper.stack.StackPart.FRONTEND, true);
                    return null;
                })).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
