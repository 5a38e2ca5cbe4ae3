package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.html.Span;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.stack.Version;
import io.stackkeeper.upgrade.NewerVersions;
import io.stackkeeper.upgrade.UpgradeService;
import java.util.List;
import java.util.function.Consumer;

/** The versions the stack runs and the newer pinned ones; these are also the planner's choices. */
class RunningVersionsCard extends Card {

    private final UpgradeService upgrades;
    private final Consumer<List<String>> choicesChanged;

    RunningVersionsCard(UpgradeService upgrades, Consumer<List<String>> choicesChanged) {
        super("Running versions");
        this.upgrades = upgrades;
        this.choicesChanged = choicesChanged;
        setId("upgrade-current");
    }

    /** The running versions and the newer ones; also the planner's choices. */
    void refresh() {
        try {
            NewerVersions versions = upgrades.newerVersions();
            Span running = new Span("Backend " + versions.current().backend() + " · frontend " + versions.current().frontend());
            running.addClassName("sk-big");
            Span newer = new Span(versions.available() ? "Newer pinned versions: " + String.join(", ",
                    versions.newer().stream().map(Version::toString).toList()) + " (" + UpgradeWords.changes(versions.breakingChangesToNewest().size())
                    + " up to the newest)" : "No newer pinned version is available.");
            setContent(running, newer);
            List<String> choices = versions.newer().stream().map(Version::toString).toList();
            choicesChanged.accept(choices);
        } catch (RuntimeException e) {
            setContent(Card.hint(e.getMessage()));
        }
    }
}
