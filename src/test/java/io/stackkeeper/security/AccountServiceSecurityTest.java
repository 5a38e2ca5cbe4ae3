package io.stackkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@PortalTest
class AccountServiceSecurityTest {

    @Autowired
    AccountService accounts;

    @Test
    @WithMockUser(username = "manager", roles = Roles.VIEWER)
    void a_viewer_calling_a_user_admin_method_is_denied() {
        assertThatThrownBy(() -> accounts.createUser("intruder", "long-enough-password", EnumSet.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.listUsers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setRoles("admin", EnumSet.of(Role.VIEWER))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "ops", roles = Roles.OPERATOR)
    void an_operator_cannot_reset_passwords_or_disable_users() {
        assertThatThrownBy(() -> accounts.resetPassword("admin", "a-new-password-x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setEnabled("admin", false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void without_anyone_signed_in_nothing_is_allowed() {
        assertThatThrownBy(() -> accounts.myTokens()).isInstanceOf(Exception.class);
    }

    @Test
    void an_admin_creates_a_user_whose_roles_and_status_can_then_change() {
        String name = TestUsers.create(accounts, "jane", Role.OPERATOR);
        TestUsers.asAdmin(() -> accounts.setRoles(name, EnumSet.of(Role.OPERATOR, Role.VIEWER)));
        UserSummary disabled = TestUsers.asAdmin(() -> accounts.setEnabled(name, false));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.VIEWER);
        List<UserSummary> all = TestUsers.asAdmin(accounts::listUsers);
        assertThat(all).extracting(UserSummary::username).contains("admin", name);
    }

    @Test
    void a_refused_password_or_a_taken_name_is_explained() {
        String name = TestUsers.create(accounts, "sam", Role.VIEWER);
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> accounts.createUser(name, "another-password", EnumSet.noneOf(Role.class))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> accounts.createUser("newbie", "short", EnumSet.noneOf(Role.class))))
                .isInstanceOf(PasswordRefusedException.class).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> accounts.createUser("Bad Name!", "long-enough-password", EnumSet.noneOf(Role.class))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> accounts.createUser("system", "long-enough-password", EnumSet.noneOf(Role.class))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void an_admin_cannot_lock_themself_out() {
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> accounts.setEnabled("admin", false)))
                .hasMessageContaining("your own account");
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> accounts.setRoles("admin", EnumSet.of(Role.VIEWER))))
                .hasMessageContaining("own Admin role");
    }

    @Test
    void a_user_changes_their_own_password_only_with_the_current_one() {
        String name = TestUsers.create(accounts, "pat", Role.VIEWER);
        List<Role> viewer = List.of(Role.VIEWER);
        assertThatThrownBy(() -> TestUsers.as(name, viewer, () -> {
            accounts.changeOwnPassword("wrong-current-password", "brand-new-password");
            return null;
        })).hasMessageContaining("current password is not correct");
        TestUsers.as(name, viewer, () -> {
            accounts.changeOwnPassword(TestUsers.PASSWORD, "brand-new-password");
            return null;
        });
    }
}
