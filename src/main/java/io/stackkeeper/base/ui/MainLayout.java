package io.stackkeeper.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame of every page: product name, side navigation with only the pages the user may open, user menu. */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authentication;
    private final H1 viewTitle = new H1();

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation(), footer());
        addToNavbar(true, header());
    }

    private Div brand() {
        Icon logo = VaadinIcon.CUBES.create();
        logo.addClassName("sk-brand-logo");
        Span name = new Span("Stackkeeper");
        name.addClassName("sk-brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("sk-brand");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("sk-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    private Footer footer() {
        Footer footer = new Footer(new Span("Self-hosted stack administration"));
        footer.addClassName("sk-drawer-footer");
        return footer;
    }

    private HorizontalLayout header() {
        viewTitle.addClassName("sk-view-title");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), viewTitle, new ThemeSwitch(), userMenu());
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(viewTitle);
        header.addClassName("sk-header");
        return header;
    }

    private MenuBar userMenu() {
        String username = authentication.getPrincipalName().orElse("?");
        Avatar avatar = new Avatar(username);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout trigger = new HorizontalLayout(avatar, new Span(username), VaadinIcon.CHEVRON_DOWN_SMALL.create());
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        trigger.setSpacing(true);
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("sk-user-menu");
        var root = menu.addItem(trigger);
        root.getSubMenu().addItem("My account", e -> UI.getCurrent().navigate("account"));
        root.getSubMenu().addItem("Sign out", e -> authentication.logout());
        return menu;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = MenuConfiguration.getPageHeader(getContent()).orElse("Stackkeeper");
        viewTitle.setText(title);
        UI.getCurrent().getPage().setTitle(title + " · Stackkeeper");
    }

    /** A small button that switches between Lumo's light and dark themes and remembers the choice in the browser. */
    static final class ThemeSwitch extends Button {

        ThemeSwitch() {
            super(VaadinIcon.ADJUST.create());
            addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            setAriaLabel("Switch light/dark theme");
            setTooltipText("Switch light/dark theme");
            addClickListener(e -> getElement().executeJs(
                    "const dark = document.documentElement.getAttribute('theme') !== 'dark';"
                            + "document.documentElement.setAttribute('theme', dark ? 'dark' : '');"
                            + "localStorage.setItem('sk-theme', dark ? 'dark' : 'light');"));
            addAttachListener(e -> getElement().executeJs(
                    "if (localStorage.getItem('sk-theme') === 'dark') document.documentElement.setAttribute('theme', 'dark');"));
        }
    }
}
