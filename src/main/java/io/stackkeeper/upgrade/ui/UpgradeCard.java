package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DashboardCard;
import io.stackkeeper.upgrade.NewerVersions;
import io.stackkeeper.upgrade.UpgradeService;
import java.util.Optional;

/** Dashboard card: the running versions, and the newest pinned version available with the breaking changes to it. */
@org.springframework.stereotype.Component
class UpgradeCard implements DashboardCard {

    private final UpgradeService upgrades;

    UpgradeCard(UpgradeService upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> render() {
        Card card = new Card("Upgrades");
        card.setId("upgrade-status");
        try {
            NewerVersions versions = upgrades.newerVersions();
            Span running = new Span(versions.current().backend() + " / " + versions.current().frontend());
            running.addClassName("sk-big");
            Span newer = new Span(versions.available()
                    ? "Newer: " + versions.newer().get(versions.newer().size() - 1) + ", crossing "
                            + UpgradesView.changes(versions.breakingChangesToNewest().size()) + "."
                    : "Up to date with the newest pinned version.");
            card.setContent(new Span("Backend / frontend"), running, newer, new RouterLink("Plan an upgrade", UpgradesView.class));
        } catch (RuntimeException e) {
            card.setContent(Card.hint(e.getMessage()));
        }
        return Optional.of(card);
    }
}
