package io.stackkeeper.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in. A locked username gets its own message, which reads the same whether or not the user exists. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Stackkeeper")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        addClassName("sk-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        Div brand = new Div(VaadinIcon.CUBES.create(), new Span("Stackkeeper"));
        brand.addClassName("sk-login-brand");
        Paragraph tagline = new Paragraph("Backups, upgrades, probes and logs of your analytics stack");
        tagline.addClassName("sk-hint");
        add(brand, tagline, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        form.setI18n(i18n(lastFailure()));
        form.setError(true);
    }

    private static Exception lastFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : (Exception) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static LoginI18n i18n(Exception failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setSubmit("Sign in");
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        if (failure instanceof LockedException) {
            error.setTitle("Sign-in locked");
            error.setMessage(failure.getMessage());
        } else {
            error.setTitle("Incorrect username or password");
            error.setMessage("Check them and try again. After 5 failed attempts within 15 minutes the username is locked for 15 minutes.");
        }
        i18n.setErrorMessage(error);
        return i18n;
    }
}
