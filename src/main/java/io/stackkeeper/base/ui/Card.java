package io.stackkeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** A titled panel: the building block of the dashboard and of settings pages. */
public class Card extends Div {

    private final Div body = new Div();

    public Card(String title, Component... content) {
        addClassName("sk-card");
        H3 heading = new H3(title);
        heading.addClassName("sk-card-title");
        body.addClassName("sk-card-body");
        body.add(content);
        add(heading, body);
    }

    /** Replaces what the card shows under its title. */
    public void setContent(Component... content) {
        body.removeAll();
        body.add(content);
    }

    /** A muted line for "nothing here yet" states. */
    public static Span hint(String text) {
        Span hint = new Span(text);
        hint.addClassName("sk-hint");
        return hint;
    }
}
