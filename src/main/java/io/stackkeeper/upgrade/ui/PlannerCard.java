package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.upgrade.BreakingChange;
import io.stackkeeper.upgrade.Check;
import io.stackkeeper.upgrade.PlannedStep;
import io.stackkeeper.upgrade.UpgradePlan;
import io.stackkeeper.upgrade.UpgradeRequestRecord;
import io.stackkeeper.upgrade.UpgradeService;
import java.util.ArrayList;
import java.util.List;

/** The planner: target versions, each step's breaking changes and checks, and the request form for the ops team. */
class PlannerCard extends Card {

    private final UpgradeService upgrades;
    private final boolean operator;
    private final Runnable requested;
    private final ComboBox<String> backend = new ComboBox<>("Target backend");
    private final ComboBox<String> frontend = new ComboBox<>("Target frontend");
    private final Div plan = new Div();

    PlannerCard(UpgradeService upgrades, boolean operator, Runnable requested) {
        super("Plan an upgrade");
        this.upgrades = upgrades;
        this.operator = operator;
        this.requested = requested;
        plan.setId("upgrade-plan");
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
        setContent(inputs, plan);
        addClassName("sk-card-wide");
    }

    /** The versions to choose from, the newest selected. */
    void choices(List<String> choices) {
        backend.setItems(choices);
        frontend.setItems(choices);
        if (!choices.isEmpty()) {
            backend.setValue(choices.get(choices.size() - 1));
            frontend.setValue(choices.get(choices.size() - 1));
        }
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
        for (PlannedStep step : result.steps()) {
            plan.add(stepPanel(number++, step));
        }
        if (operator && !result.blocked()) {
            plan.add(requestForm(result));
        }
    }

    /** One box per breaking change crossed: all must be ticked before the request can be sent. */
    private Div requestForm(UpgradePlan result) {
        Div form = new Div();
        form.addClassName("sk-card");
        form.add(new H4("Request this upgrade"));
        List<Checkbox> boxes = new ArrayList<>();
        for (BreakingChange change : result.breakingChanges()) {
            Checkbox box = new Checkbox("I have read \"" + change.title() + "\" (" + change.id() + ")");
            box.setId("ack-" + change.id());
            boxes.add(box);
            form.add(new Div(box));
        }
        TextField reason = new TextField("Reason");
        reason.setId("request-reason");
        reason.setWidthFull();
        Button send = new Button("Request upgrade", VaadinIcon.PAPERPLANE.create());
        send.setId("request-upgrade");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph error = new Paragraph();
        error.addClassName("sk-error");
        send.addClickListener(e -> {
            try {
                UpgradeRequestRecord created = upgrades.requestUpgrade(result.to().backend().toString(), result.to().frontend().toString(), reason.getValue(),
                        null, null, boxes.stream().filter(Checkbox::getValue).map(box -> box.getId().orElseThrow().substring(4)).toList());
                FormDialog.confirmDone("Upgrade #" + created.id() + " requested: another admin must approve it.");
                plan.removeAll();
                requested.run();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                error.setText(ex.getMessage());
            }
        });
        form.add(reason, send, error);
        return form;
    }

    private static Div stepPanel(int number, PlannedStep step) {
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
