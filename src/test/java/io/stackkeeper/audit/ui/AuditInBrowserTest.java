package io.stackkeeper.audit.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class AuditInBrowserTest extends BrowserTest {

    @Test
    void an_admin_filters_the_trail_verifies_the_chain_and_exports_csv() throws Exception {
        String admin = TestUsers.create(accounts, "auditor", Role.ADMIN);
        signInAndWait(admin, TestUsers.PASSWORD);
        open("audit");
        page.getByLabel("Actor").fill(admin);
        page.getByLabel("Actor").press("Enter");
        assertThat(page.locator("#audit-total")).hasText("1 entry");
        assertThat(page.locator("vaadin-grid")).containsText("login.succeeded");
        page.locator("#verify-chain").click();
        assertThat(page.getByText("The audit chain is intact")).isVisible();
        screenshot("11-audit-verified");
        Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
        String csv = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("id,time,actor,action").contains(admin).contains("login.succeeded");
    }

    @Test
    void a_user_creates_an_api_token_with_their_password_and_it_is_shown_once() {
        String operator = TestUsers.create(accounts, "scripter", Role.OPERATOR);
        signInAndWait(operator, TestUsers.PASSWORD);
        open("account");
        page.locator("#new-token").click();
        page.getByLabel("Name").fill("nightly report");
        page.locator("#token-password input").fill("not-my-password");
        page.getByText("Create token").click();
        assertThat(page.getByText("Enter your current password to create a token.")).isVisible();
        page.locator("#token-password input").fill(TestUsers.PASSWORD);
        page.getByText("Create token").click();
        assertThat(page.locator("#issued-token input")).hasValue(java.util.regex.Pattern.compile("skt_.+"));
        screenshot("12-token-created");
        page.getByText("Done").click();
        assertThat(page.locator("vaadin-grid")).containsText("nightly report");
    }
}
