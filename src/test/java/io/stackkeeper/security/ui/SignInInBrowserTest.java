package io.stackkeeper.security.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import io.stackkeeper.BrowserTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import org.junit.jupiter.api.Test;

class SignInInBrowserTest extends BrowserTest {

    @Test
    void an_admin_sees_every_page_and_each_page_renders() {
        page.navigate(url("login"));
        page.locator("input[name=username]").waitFor();
        screenshot("01-login");
        String admin = TestUsers.create(accounts, "boss", Role.ADMIN);
        signInAndWait(admin, TestUsers.PASSWORD);
        assertThat(navigationItems()).containsExactly("Dashboard", "Stack", "Monitoring", "Logs", "Backups", "Upgrades", "Audit trail", "Users", "Stack settings", "My account");
        assertThat(page.locator("#who-am-i")).containsText(admin);
        screenshot("02-dashboard-admin");
        open("users");
        assertThat(page.locator("vaadin-grid")).containsText(admin);
        screenshot("03-users");
        open("audit");
        assertThat(page.locator("vaadin-grid")).containsText("login.succeeded");
        screenshot("04-audit");
        open("account");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API tokens"))).isVisible();
        screenshot("05-my-account");
    }

    @Test
    void an_operator_sees_only_the_dashboard_and_their_account() {
        String operator = TestUsers.create(accounts, "ops", Role.OPERATOR);
        signInAndWait(operator, TestUsers.PASSWORD);
        assertThat(navigationItems()).containsExactly("Dashboard", "Stack", "Monitoring", "Logs", "Backups", "Upgrades", "My account");
        screenshot("06-dashboard-operator");
        page.navigate(url("users"));
        page.waitForLoadState();
        assertThat(page.locator("#new-user")).hasCount(0);
    }

    @Test
    void a_viewer_sees_the_audit_trail_but_not_the_users() {
        String viewer = TestUsers.create(accounts, "mgr", Role.VIEWER);
        signInAndWait(viewer, TestUsers.PASSWORD);
        assertThat(navigationItems()).containsExactly("Dashboard", "Stack", "Monitoring", "Backups", "Upgrades", "Audit trail", "My account");
        screenshot("07-dashboard-viewer");
        open("audit");
        assertThat(page.locator("#verify-chain")).hasCount(0);
        assertThat(page.locator("#export-csv")).isVisible();
    }

    @Test
    void an_admin_creates_an_operator_who_then_signs_in() {
        String admin = TestUsers.create(accounts, "boss", Role.ADMIN);
        signInAndWait(admin, TestUsers.PASSWORD);
        open("users");
        page.locator("#new-user").click();
        String newcomer = TestUsers.unique("newcomer");
        page.getByLabel("Username").fill(newcomer);
        page.getByLabel("Initial password").first().fill("a-good-long-password");
        page.locator("vaadin-checkbox").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Viewer")).click();
        page.locator("vaadin-checkbox").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Operator")).click();
        screenshot("08-new-user-dialog");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
        // the shared test database holds many users by now: the new one may be outside the grid's rendered rows
        assertThat(page.locator("vaadin-dialog-overlay")).isHidden();
        org.assertj.core.api.Assertions.assertThat(TestUsers.asAdmin(accounts::listUsers)).anySatisfy(user -> {
            org.assertj.core.api.Assertions.assertThat(user.username()).isEqualTo(newcomer);
            org.assertj.core.api.Assertions.assertThat(user.roles()).contains(Role.OPERATOR);
        });

        page.context().clearCookies();
        signInAndWait(newcomer, "a-good-long-password");
        assertThat(page.locator("#who-am-i")).containsText(newcomer);
        assertThat(page.locator("#who-am-i")).containsText("OPERATOR");
        assertThat(navigationItems()).containsExactly("Dashboard", "Stack", "Monitoring", "Logs", "Backups", "Upgrades", "My account");
    }

    @Test
    void a_refused_password_is_explained_in_the_dialog_without_losing_the_input() {
        String admin = TestUsers.create(accounts, "boss", Role.ADMIN);
        signInAndWait(admin, TestUsers.PASSWORD);
        open("users");
        page.locator("#new-user").click();
        page.getByLabel("Username").fill("shorty");
        page.getByLabel("Initial password").first().fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
        assertThat(page.getByText("The password is too short: use at least 12 characters.")).isVisible();
        assertThat(page.getByLabel("Username")).hasValue("shorty");
        screenshot("09-password-refused");
    }

    @Test
    void a_user_disabled_while_signed_in_is_sent_back_to_the_login_page() {
        String operator = TestUsers.create(accounts, "leaver", Role.OPERATOR);
        signInAndWait(operator, TestUsers.PASSWORD);
        TestUsers.asAdmin(() -> accounts.setEnabled(operator, false));
        page.navigate(url("account"));
        page.locator("input[name=username]").waitFor();
        assertThat(page.locator("#who-am-i")).hasCount(0);
    }

    @Test
    void five_wrong_passwords_lock_the_username() {
        String victim = TestUsers.create(accounts, "victim", Role.OPERATOR);
        for (int i = 1; i <= 4; i++) {
            signIn(victim, "wrong-password-" + i);
            page.waitForURL(url -> url.contains("error"));
            assertThat(page.getByText("Incorrect username or password")).isVisible();
        }
        signIn(victim, "wrong-password-5");
        page.waitForURL(url -> url.contains("error"));
        assertThat(page.getByText("Sign-in locked")).isVisible();
        signIn(victim, TestUsers.PASSWORD);
        page.waitForURL(url -> url.contains("error"));
        assertThat(page.getByText("locked for 15 minutes")).isVisible();
        screenshot("10-login-locked");
    }
}
