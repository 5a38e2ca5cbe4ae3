package io.stackkeeper.security.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.stackkeeper.security.Role;
import java.util.Set;

/** Roles as badges in grids, and the role picker used by the user dialogs. */
final class RoleBadges {

    private RoleBadges() {
    }

    static Div of(Set<Role> roles) {
        Div badges = new Div();
        badges.addClassName("sk-badges");
        if (roles.isEmpty()) {
            Span none = new Span("no role");
            none.getElement().getThemeList().add("badge contrast");
            badges.add(none);
        }
        roles.stream().sorted().forEach(role -> {
            Span badge = new Span(role.label());
            badge.getElement().getThemeList().add(role == Role.ADMIN ? "badge primary" : "badge");
            badges.add(badge);
        });
        return badges;
    }

    static CheckboxGroup<Role> picker() {
        CheckboxGroup<Role> picker = new CheckboxGroup<>("Roles");
        picker.setItems(Role.values());
        picker.setItemLabelGenerator(role -> role.label() + " — " + role.description());
        picker.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        return picker;
    }
}
