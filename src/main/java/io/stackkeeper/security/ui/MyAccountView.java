package io.stackkeeper.security.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.IssuedToken;
import io.stackkeeper.security.PasswordRefusedException;
import io.stackkeeper.security.TokenSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;

/** Every user's own page: change the password, create and revoke API tokens. */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("My account")
@Menu(title = "My account", order = 90, icon = "vaadin:user-card")
@PermitAll
public class MyAccountView extends VerticalLayout {

    private final AccountService accounts;
    private final Grid<TokenSummary> tokens = new Grid<>();

    public MyAccountView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("sk-page");
        Div cards = new Div(passwordCard(), tokensCard());
        cards.addClassName("sk-card-stack");
        add(cards);
        refreshTokens();
    }

    private Card passwordCard() {
        PasswordField current = new PasswordField("Current password");
        PasswordField next = new PasswordField("New password");
        next.setHelperText("At least 12 characters, not your username");
        PasswordField repeat = new PasswordField("Repeat the new password");
        for (PasswordField field : new PasswordField[] {current, next, repeat}) {
            field.setWidth("22rem");
        }
        Button save = new Button("Change password", e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ.");
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                FormDialog.confirmDone("Password changed");
            } catch (PasswordRefusedException refused) {
                next.setErrorMessage(refused.getMessage());
                next.setInvalid(true);
            } catch (IllegalArgumentException wrongCurrent) {
                current.setErrorMessage(wrongCurrent.getMessage());
                current.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("change-password");
        VerticalLayout form = new VerticalLayout(current, next, repeat, save);
        form.setPadding(false);
        return new Card("Password", form);
    }

    private Card tokensCard() {
        Paragraph intro = new Paragraph("API tokens let scripts call /api/v1 with your roles: "
                + "send 'Authorization: Bearer <token>'. A token is shown once, when it is created.");
        intro.addClassName("sk-hint");
        Button create = new Button("New token", VaadinIcon.KEY.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-token");
        tokens.addColumn(TokenSummary::name).setHeader("Name").setFlexGrow(1);
        tokens.addColumn(t -> DateTimes.MINUTES.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        tokens.addColumn(t -> DateTimes.MINUTES.format(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        tokens.addComponentColumn(MyAccountView::stateBadge).setHeader("State").setAutoWidth(true);
        tokens.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        tokens.setAllRowsVisible(true);
        tokens.setEmptyStateText("No tokens yet.");
        HorizontalLayout toolbar = new HorizontalLayout(intro, create);
        toolbar.setWidthFull();
        toolbar.expand(intro);
        toolbar.setAlignItems(Alignment.CENTER);
        return new Card("API tokens", toolbar, tokens);
    }

    private static Span stateBadge(TokenSummary token) {
        Span badge = new Span(token.state());
        badge.getElement().getThemeList().add("active".equals(token.state()) ? "badge success" : "badge contrast");
        return badge;
    }

    private Button revokeButton(TokenSummary token) {
        Button revoke = new Button("Revoke", e -> {
            accounts.revokeToken(token.id());
            FormDialog.confirmDone("Token " + token.name() + " revoked");
            refreshTokens();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled("active".equals(token.state()));
        return revoke;
    }

    private void refreshTokens() {
        tokens.setItems(accounts.myTokens());
    }

    private void openCreateDialog() {
        TextField name = new TextField("Name");
        name.setHelperText("What the token is for, e.g. 'nightly report script'");
        IntegerField days = new IntegerField("Valid for (days)");
        days.setValue((int) AccountService.DEFAULT_TOKEN_VALIDITY.toDays());
        days.setMin(1);
        days.setMax(3650);
        days.setStepButtonsVisible(true);
        PasswordField password = new PasswordField("Your current password");
        password.setId("token-password");
        password.setWidthFull();
        new FormDialog("New API token", "Create token", () -> {
            int validDays = days.getValue() == null ? (int) AccountService.DEFAULT_TOKEN_VALIDITY.toDays() : days.getValue();
            IssuedToken issued = accounts.createToken(name.getValue(), Duration.ofDays(validDays), password.getValue());
            refreshTokens();
            showOnce(issued);
        }, name, days, password).open();
    }

    private static void showOnce(IssuedToken issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token " + issued.name() + " created");
        TextField value = new TextField("Copy it now: it will not be shown again");
        value.setValue(issued.token());
        value.setReadOnly(true);
        value.setWidthFull();
        value.setId("issued-token");
        Paragraph expiry = new Paragraph("Expires " + DateTimes.MINUTES.format(issued.expiresAt()) + ".");
        expiry.addClassName("sk-hint");
        dialog.add(value, expiry);
        dialog.setWidth("min(40rem, 95vw)");
        Button done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }
}
