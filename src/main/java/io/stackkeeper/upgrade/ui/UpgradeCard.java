package io.stackkeeper.upgrade.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DashboardCard;
import io.stackkeeper.upgrade.NewerVersions;
import io.stackkeeper.upgrade.UpgradeService;
import java.util.Optional;

/** Dashboard card: the running versions and whether their majors match, the newest pinned version with the breaking changes to it, and the last upgrade. */
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
                            + UpgradeWords.changes(versions.breakingChangesToNewest().size()) + "."
                    : "Up to date with the newest pinned version.");
            boolean compatible = versions.current().compatible();
            Span majors = new Span(compatible ? "Majors match" : "Majors differ: backend and frontend must share their major");
            majors.getElement().getThemeList().add(compatible ? "badge success" : "badge error");
            Span last = new Span(upgrades.lastUpgrade().map(r -> "Last upgrade #" + r.id() + " " + r.from() + " → " + r.to() + ": "
                    + r.status().name().toLowerCase().replace('_', ' ') + ", " + DateTimes.MINUTES.format(r.finishedAt()) + ".")
                    .orElse("No upgrade has run from this portal yet."));
            last.setId("upgrade-last");
            card.setContent(new Span("Backend / frontend"), running, majors, newer, last, new RouterLink("Plan an upgrade", UpgradesView.class));
        } catch (RuntimeException e) {
            card.setContent(Card.hint(e.getMessage()));
        }
        return Optional.of(card);
    }
}
