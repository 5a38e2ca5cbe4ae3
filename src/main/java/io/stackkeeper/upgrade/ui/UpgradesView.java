package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.stack.Version;
import io.stackkeeper.upgrade.BreakingChange;
import io.stackkeeper.upgrade.Check;
import io.stackkeeper.upgrade.NewerVersions;
import io.stackkeeper.upgrade.UpgradePlan;
import io.stackkeeper.upgrade.UpgradeService;
import io.stackkeeper.upgrade.UpgradeStep;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Upgrades: the running versions, the newer ones available, and the planner with each step's breaking changes and checks. */
@Route(value = "upgrades", layout = MainLayout.class)
@PageTitle("Upgrades")
@Menu(title = "Upgrades", order = 30, icon = "vaadin:arrow-circle-up-o")
@PermitAll
public class UpgradesView extends VerticalLayout {

    private final UpgradeService upgrades;
    private final ComboBox<String> backend = new ComboBox<>("Target backend");
    private final ComboBox<String> frontend = new ComboBox<>("Target frontend");
    private final Div plan = new Div();

    public UpgradesView(UpgradeService upgrades) {
        this.upgrades = upgrades;
        addClassNames("sk-page", "sk-backups");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        plan.setId("upgrade-plan");
        add(currentCard(), plannerCard());
    }

    private Card currentCard() {
        Card card = new Card("Running versions");
        card.setId("upgrade-current");
        try {
            NewerVersions versions = upgrades.newerVersions();
            Span running = new Span("Backend " + versions.current().backend() + " · frontend " + versions.current().frontend());
            running.addClassName("sk-big");
            Span newer = new Span(versions.available() ? "Newer pinned versions: " + String.join(", ",
                    versions.newer().stream().map(Version::toString).toList()) + " (" + changes(versions.breakingChangesToNewest().size())
                    + " up to the newest)" : "No newer pinned version is available.");
            card.setContent(running, newer);
            List<String> choices = versions.newer().stream().map(Version::toString).toList();
            backend.setItems(choices);
            frontend.setItems(choices);
            if (!choices.isEmpty()) {
                backend.setValue(choices.get(choices.size() - 1));
                frontend.setValue(choices.get(choices.size() - 1));
            }
        } catch (RuntimeException e) {
            card.setContent(Card.hint(e.getMessage()));
        }
        return card;
    }

    static String changes(int count) {
        return count + (count == 1 ? " breaking change" : " breaking changes");
    }

    private Card plannerCard() {
        backend.setAllowCustomValue(true);
        frontend.setAllowCustomValue(true);
        backend.addCustomValueSetListener(e -> backend.setValue(e.getDetail()));
        frontend.addCustomValueSetListener(e -> frontend.setValue(e.getDetail()));
        backend.setId("target-backend");
        frontend.setId("target-frontend");
        Button show = new Button("Show the plan", VaadinIcon.ROAD_BRANCHES.create(), e -> showPlan());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("show-plan");
        HorizontalLayout inputs = new HorizontalLayout(backend, frontend, show);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        inputs.setWrap(true);
        Card card = new Card("Plan an upgrade", inputs, plan);
        card.addClassName("sk-card-wide");
        return card;
    }

    private void showPlan() {
        plan.removeAll();
        UpgradePlan result;
        try {
            result = upgrades.plan(backend.getValue(), frontend.getValue());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Paragraph refused = new Paragraph(e.getMessage());
            refused.addClassName("sk-error");
            plan.add(refused);
            return;
        }
        Span verdict = new Span(result.blocked() ? "Blocked: fix every failed check first." : "Every check passes or warns: this upgrade can be requested.");
        verdict.getElement().getThemeList().add(result.blocked() ? "badge error" : "badge success");
        verdict.setId("plan-verdict");
        plan.add(new Paragraph(verdict));
        int number = 1;
        for (UpgradeStep step : result.steps()) {
            plan.add(stepPanel(number++, step));
        }
    }

    private static Div stepPanel(int number, UpgradeStep step) {
        Div panel = new Div();
        panel.addClassName("sk-card");
        panel.add(new H4("Step " + number + ": backend " + step.backend() + ", frontend " + step.frontend()
                + (step.featureCompatibilityVersion() == null ? "" : ", then FCV " + step.featureCompatibilityVersion())));
        for (BreakingChange change : step.breakingChanges()) {
            Span severity = new Span(change.severity().name().toLowerCase());
            severity.getElement().getThemeList().add(switch (change.severity()) {
                case CRITICAL -> "badge error";
                case WARNING -> "badge contrast";
                case INFO -> "badge";
            });
            Details details = new Details(new HorizontalLayout(severity, new Span(change.title())), new Paragraph(change.text()));
            details.addClassName("sk-breaking-change");
            panel.add(details);
        }
        for (Check check : step.checks()) {
            Span status = new Span(check.status().name());
            status.getElement().getThemeList().add(switch (check.status()) {
                case PASS -> "badge success";
                case WARN -> "badge contrast";
                case FAIL -> "badge error";
            });
            Span name = new Span(check.name());
            name.getStyle().set("font-weight", "600");
            Span reason = new Span(check.reason());
            reason.addClassName("sk-hint");
            Div line = new Div(status, name, reason);
            line.addClassName("sk-restore-step");
            panel.add(line);
        }
        return panel;
    }
}
