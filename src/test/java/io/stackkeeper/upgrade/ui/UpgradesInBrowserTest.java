package io.stackkeeper.upgrade.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager reads the running versions and plans an upgrade of the sample stack. */
class UpgradesInBrowserTest extends BrowserTest {

    @Autowired
    StackService stack;

    @Test
    void a_viewer_plans_89_to_90_and_reads_the_breaking_change_and_the_checks() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String viewer = TestUsers.create(accounts, "manager", Role.VIEWER);
            signInAndWait(viewer, TestUsers.PASSWORD);
            assertThat(page.locator("#upgrade-status")).containsText("89.0.0 / 89.0.0");
            open("upgrades");
            assertThat(page.locator("#upgrade-current")).containsText("90.0.0");
            page.locator("#target-backend input").fill("90.0.0");
            page.locator("#target-backend input").press("Enter");
            page.locator("#target-frontend input").fill("90.0.0");
            page.locator("#target-frontend input").press("Enter");
            page.locator("#show-plan").click();
            assertThat(page.locator("#plan-verdict")).containsText("can be requested");
            assertThat(page.locator("#upgrade-plan")).containsText("X-JSON-Flavor");
            assertThat(page.locator("#upgrade-plan")).containsText("PASS");
            screenshot("30-upgrade-plan");

            page.locator("#target-frontend input").fill("89.0.0");
            page.locator("#target-frontend input").press("Enter");
            page.locator("#show-plan").click();
            assertThat(page.locator("#plan-verdict")).containsText("Blocked");
            screenshot("31-upgrade-plan-blocked");
        }
    }
}
