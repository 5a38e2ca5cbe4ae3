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
    void an_operator_requests_with_acknowledgements_another_admin_approves_and_the_operator_watches_the_run() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, java.util.Map.of("SAMPLE_MIGRATION_SECONDS", "4"))) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
            String approver = TestUsers.create(accounts, "boss", Role.ADMIN);
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
            long id = TestUsers.asAdmin(() -> upgrades.requests()).get(0).id();
            assertThat(page.locator("#start-" + id)).isDisabled();
            screenshot("32-upgrade-requested");

            signInAndWait(approver, TestUsers.PASSWORD);
            open("upgrades");
            clickInGrid("#approve-" + id);
            assertThat(page.locator("vaadin-dialog-overlay")).isVisible();
            page.locator("vaadin-dialog-overlay").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve").setExact(true)).click();
            assertThat(page.locator("#upgrade-requests")).containsText("approved");
            assertThat(page.locator("#upgrade-requests")).containsText(approver);
            screenshot("33-upgrade-approved");

            signInAndWait(operator, TestUsers.PASSWORD);
            open("upgrades");
            clickInGrid("#start-" + id);
            assertThat(page.locator("vaadin-dialog-overlay")).isVisible();
            page.locator("vaadin-dialog-overlay").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Start").setExact(true)).click();
            assertThat(page.locator("#upgrade-run")).containsText("Upgrade #" + id);
            assertThat(page.locator("#upgrade-run [data-state=RUNNING]")).hasCount(1);
            screenshot("34-upgrade-running");
            assertThat(page.locator("#upgrade-run-status")).containsText("succeeded",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
            assertThat(page.locator("#upgrade-run [data-state=DONE]")).hasCount(5);
            assertThat(page.locator("#upgrade-run-backup")).containsText("Pre-upgrade backup");
            assertThat(page.locator("#upgrade-requests")).containsText("succeeded");
            screenshot("35-upgrade-succeeded");
            open("");
            assertThat(page.locator("#upgrade-status")).containsText("90.0.0 / 90.0.0");
            assertThat(page.locator("#upgrade-last")).containsText("succeeded");
        }
    }

    @Test
    void an_admin_reads_a_rolled_back_upgrade_with_its_log_and_opens_its_pre_upgrade_backup_to_restore_it() throws Exception {
        try (SampleStack sample = new SampleStack("90.0.0", "90.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            var requested = TestUsers.as("ops", java.util.List.of(Role.OPERATOR),
                    () -> upgrades.requestUpgrade("90.0.1", "90.0.1", "patch release", null, null, java.util.List.of()));
            TestUsers.as("approver", java.util.List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "go"));
            TestUsers.as("ops", java.util.List.of(Role.OPERATOR), () -> upgrades.start(requested.id()));
            String admin = TestUsers.create(accounts, "lead", Role.ADMIN);
            signInAndWait(admin, TestUsers.PASSWORD);
            open("upgrades");
            assertThat(page.locator("#upgrade-run-status")).containsText("failed rolled back",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
            assertThat(page.locator("#upgrade-run-outcome")).containsText("/status answered 503");
            page.locator("#upgrade-run-log").click();
            assertThat(page.locator("#upgrade-run-log")).containsText("90.0.1");
            screenshot("36-upgrade-rolled-back");

            page.locator("#release-catalog").scrollIntoViewIfNeeded();
            assertThat(page.locator("#release-catalog")).containsText("in use");
            page.locator("#catalog-upload input[type=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                    "broken.json", "application/json", "{\n  \"catalogVersion\": 1,\n  \"revision\": 0\n}".getBytes()));
            assertThat(page.locator("#catalog-result")).containsText("Refused, the catalog in use stays: line 3");
            int next = TestUsers.asAdmin(() -> upgrades.catalog().revision()) + 1;
            String newer = io.stackkeeper.upgrade.CatalogTexts.shippedAsRevision(next);
            page.locator("#catalog-upload input[type=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                    "catalog.json", "application/json", newer.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.locator("#catalog-result")).containsText("Catalog revision " + next + " is in use");
            assertThat(page.locator("#release-catalog vaadin-grid")).containsText(admin);
            page.locator("#release-catalog").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "38-release-catalog.png")));

            page.locator("#upgrade-run-backup a").click();
            page.waitForURL("**/backups?set=*");
            assertThat(page.locator("#backup-details")).containsText("upgrade " + requested.id());
            assertThat(page.locator("#backup-details")).containsText("Restore…");
            screenshot("37-pre-upgrade-backup-to-restore");
        }
    }

    /** The grid scrolls sideways to show a button and renders its cells again: click once that has settled. */
    private void clickInGrid(String selector) {
        page.locator(selector).scrollIntoViewIfNeeded();
        page.waitForTimeout(500);
        page.waitForFunction("() => !document.querySelector('vaadin-connection-indicator[loading]')");
        page.locator(selector).click();
    }
}
