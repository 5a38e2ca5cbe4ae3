package io.stackkeeper.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The landing page: who you are, and the cards that features contribute. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard")
@Menu(title = "Dashboard", order = 0, icon = "vaadin:dashboard")
@PermitAll
public class DashboardView extends VerticalLayout {

    public DashboardView(AuthenticationContext authentication, List<DashboardCard> cards) {
        addClassName("sk-page");
        Div grid = new Div();
        grid.addClassName("sk-card-grid");
        grid.add(whoAmI(authentication));
        cards.stream().sorted(Comparator.comparingInt(DashboardCard::order))
                .forEach(card -> card.render().ifPresent(grid::add));
        add(grid);
    }

    private static Card whoAmI(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("unknown");
        Div roles = new Div();
        roles.addClassName("sk-badges");
        List<String> roleNames = roleNames();
        if (roleNames.isEmpty()) {
            roles.add(Card.hint("No role yet: ask an admin for one."));
        }
        roleNames.forEach(role -> {
            Span badge = new Span(role);
            badge.getElement().getThemeList().add("badge");
            roles.add(badge);
        });
        Span user = new Span(name);
        user.addClassName("sk-big");
        Card card = new Card("Signed in as", user, roles);
        card.setId("who-am-i");
        return card;
    }

    private static List<String> roleNames() {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            return List.of();
        }
        return current.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
    }
}
