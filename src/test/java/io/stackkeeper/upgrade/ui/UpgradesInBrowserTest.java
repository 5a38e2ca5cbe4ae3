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

    @Autowired
    io.stackkeeper.upgrade.UpgradeService upgrades;

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

    @Test
    void an_operator_requests_with_acknowledgements_and_another_admin_approves() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
            signInAndWait(operator, TestUsers.PASSWORD);
            open("upgrades");
            page.locator("#target-backend input").fill("90.0.0");
            page.locator("#target-backend input").press("Enter");
            page.locator("#target-frontend input").fill("90.0.0");
            page.locator("#target-frontend input").press("Enter");
            page.locator("#show-plan").click();
            page.locator("#request-reason input").fill("Customers need the new date format");
            page.locator("#request-upgrade").click();
            assertThat(page.locator("#upgrade-plan")).containsText("missing: bc-90.0.0-x-json-flavor");
            page.locator("#ack-bc-90\\.0\\.0-x-json-flavor").click();
            page.locator("#request-upgrade").click();
            assertThat(page.locator("#upgrade-requests")).containsText("requested");
            screenshot("32-upgrade-requested");

            String approver = TestUsers.create(accounts, "boss", Role.ADMIN);
            signInAndWait(approver, TestUsers.PASSWORD);
            open("upgrades");
            long id = TestUsers.asAdmin(() -> upgrades.requests()).get(0).id();
            // the grid scrolls sideways to show the button and renders its cells again: click once that has settled
            page.locator("#approve-" + id).scrollIntoViewIfNeeded();
            page.waitForTimeout(500);
            page.waitForFunction("() => !document.querySelector('vaadin-connection-indicator[loading]')");
            page.locator("#approve-" + id).click();
            assertThat(page.locator("vaadin-dialog-overlay")).isVisible();
            page.locator("vaadin-dialog-overlay").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve").setExact(true)).click();
            assertThat(page.locator("#upgrade-requests")).containsText("approved");
            assertThat(page.locator("#upgrade-requests")).containsText(approver);
            screenshot("33-upgrade-approved");
        }
    }
}
