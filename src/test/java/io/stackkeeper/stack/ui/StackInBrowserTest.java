package io.stackkeeper.stack.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StackInBrowserTest extends BrowserTest {

    @Autowired
    StackService stack;

    @Test
    void a_viewer_sees_versions_and_the_compatibility_badge_on_the_stack_page() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String viewer = TestUsers.create(accounts, "watcher", Role.VIEWER);
            signInAndWait(viewer, TestUsers.PASSWORD);
            assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Stack settings")))
                    .hasCount(0);
            open("stack");
            assertThat(page.locator("#card-backend")).containsText("89.0.0");
            assertThat(page.locator("#card-backend")).containsText(sample.storage.toString());
            assertThat(page.locator("#card-frontend")).containsText("89.0.0");
            assertThat(page.locator("#card-mongo")).containsText("4.4.29");
            assertThat(page.locator("#card-engine")).containsText("API");
            assertThat(page.locator("#compatibility")).containsText("Compatible: backend and frontend are both v89");
            screenshot("13-stack");
        }
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void an_upgrade_on_another_portal_shows_on_the_stack_page_and_refuses_work_here_with_its_reason() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            jdbc.update("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL)"
                    + " VALUES ('quartzScheduler', 'portal-elsewhere', ?, 5000)", System.currentTimeMillis() + 60_000);
            jdbc.update("INSERT INTO stack_claim (id, work, exclusive_work, portal_instance, since)"
                    + " VALUES ('elsewhere', 'the upgrade to 90.0.0 (request 7)', TRUE, 'portal-elsewhere', CURRENT_TIMESTAMP)");
            try {
                String operator = TestUsers.create(accounts, "bystander", Role.OPERATOR);
                signInAndWait(operator, TestUsers.PASSWORD);
                open("stack");
                assertThat(page.locator("#stack-work")).containsText("the upgrade to 90.0.0 (request 7) (on the portal portal-elsewhere)");
                screenshot("57-stack-work-on-another-portal");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestUsers.as(operator, java.util.List.of(Role.OPERATOR),
                        () -> stack.claim("the backup 1", false))).isInstanceOf(io.stackkeeper.stack.StackBusyException.class)
                        .hasMessageContaining("(on the portal portal-elsewhere) is running since");
            } finally {
                jdbc.update("DELETE FROM stack_claim WHERE id = 'elsewhere'");
                jdbc.update("DELETE FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = 'portal-elsewhere'");
            }
        }
    }

    @Test
    void a_floating_frontend_tag_is_warned_about() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "latest-monthly")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String operator = TestUsers.create(accounts, "floater", Role.OPERATOR);
            signInAndWait(operator, TestUsers.PASSWORD);
            open("stack");
            assertThat(page.locator(".floating-tag-warning")).containsText("latest-monthly");
            assertThat(page.locator("#card-redis")).containsText("No Redis URI");
            screenshot("14-stack-floating-tag");
        }
    }

    @Test
    void a_wrong_mongo_password_in_the_settings_gives_a_precise_message() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String admin = TestUsers.create(accounts, "wiring", Role.ADMIN);
            signInAndWait(admin, TestUsers.PASSWORD);
            open("stack/settings");
            assertThat(page.locator("#backendContainer input")).hasValue(sample.backendName);
            page.locator("#mongoUri input").fill(sample.mongoUri("not-the-password"));
            page.locator("#test-mongo").click();
            assertThat(page.locator("#test-mongo-result")).containsText("refused the credentials");
            assertThat(page.locator("#test-mongo-result")).containsText("'toucan'");
            page.locator("#test-engine").click();
            assertThat(page.locator("#test-engine-result")).containsText("Reachable");
            page.locator("#storageHostPath input").fill("relative/path");
            page.locator("#save-settings").click();
            assertThat(page.locator("#storageHostPath")).containsText("absolute host path");
            screenshot("15-stack-settings");
        }
    }
}
