package io.stackkeeper.security.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Roles;
import io.stackkeeper.security.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;

/** Admins create users, set their roles, disable or enable them and reset passwords. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users")
@Menu(title = "Users", order = 80, icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {


    private final AccountService accounts;
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("sk-page");
        setSizeFull();
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        Span intro = new Span("Each person signs in with their own account. Roles decide what they may open and do.");
        intro.addClassName("sk-hint");
        HorizontalLayout toolbar = new HorizontalLayout(intro, create);
        toolbar.setWidthFull();
        toolbar.expand(intro);
        toolbar.setAlignItems(Alignment.CENTER);

        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(user -> RoleBadges.of(user.roles())).setHeader("Roles").setFlexGrow(1);
        grid.addComponentColumn(UsersView::statusBadge).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(user -> DateTimes.MINUTES.format(user.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.listUsers());
    }

    private static Span statusBadge(UserSummary user) {
        Span badge = new Span(user.enabled() ? "Enabled" : "Disabled");
        badge.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private HorizontalLayout actions(UserSummary user) {
        Button roles = new Button("Roles", e -> openRolesDialog(user));
        Button password = new Button("Reset password", e -> openPasswordDialog(user));
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> {
            accounts.setEnabled(user.username(), !user.enabled());
            FormDialog.confirmDone(user.username() + (user.enabled() ? " disabled" : " enabled"));
            refresh();
        });
        for (Button button : new Button[] {roles, password, toggle}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        HorizontalLayout actions = new HorizontalLayout(roles, password, toggle);
        actions.setSpacing(false);
        return actions;
    }

    private void openCreateDialog() {
        TextField username = new TextField("Username");
        username.setHelperText("Lowercase letters, digits, '.', '_' or '-'");
        username.setRequired(true);
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least 12 characters, not the username");
        var roles = RoleBadges.picker();
        roles.setValue(EnumSet.of(io.stackkeeper.security.Role.VIEWER));
        FormDialog dialog = new FormDialog("New user", "Create user", () -> {
            accounts.createUser(username.getValue(), password.getValue(), roles.getValue());
            FormDialog.confirmDone("User " + username.getValue().strip() + " created");
            refresh();
        }, username, password, roles);
        dialog.open();
        username.focus();
    }

    private void openRolesDialog(UserSummary user) {
        var roles = RoleBadges.picker();
        roles.setValue(user.roles());
        new FormDialog("Roles of " + user.username(), "Save roles", () -> {
            accounts.setRoles(user.username(), roles.getValue());
            FormDialog.confirmDone("Roles of " + user.username() + " saved");
            refresh();
        }, roles).open();
    }

    private void openPasswordDialog(UserSummary user) {
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least 12 characters, not the username. Tell the user to change it after signing in.");
        new FormDialog("Reset the password of " + user.username(), "Reset password", () -> {
            accounts.resetPassword(user.username(), password.getValue());
            FormDialog.confirmDone("Password of " + user.username() + " reset");
        }, password).open();
    }
}
