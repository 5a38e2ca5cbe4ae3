package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.Version;
import io.stackkeeper.upgrade.BreakingChange;
import io.stackkeeper.upgrade.Check;
import io.stackkeeper.upgrade.NewerVersions;
import io.stackkeeper.upgrade.RequestStatus;
import io.stackkeeper.upgrade.UpgradePlan;
import io.stackkeeper.upgrade.UpgradeRequestRecord;
import io.stackkeeper.upgrade.UpgradeService;
import io.stackkeeper.upgrade.UpgradeStep;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Upgrades: the running versions, the newer ones available, and the planner with each step's breaking changes and checks. */
@Route(value = "upgrades", layout = MainLayout.class)
@PageTitle("Upgrades")
@Menu(title = "Upgrades", order = 30, icon = "vaadin:arrow-circle-up-o")
@PermitAll
public class UpgradesView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final UpgradeService upgrades;
    private final ComboBox<String> backend = new ComboBox<>("Target backend");
    private final ComboBox<String> frontend = new ComboBox<>("Target frontend");
    private final Div plan = new Div();
    private final Grid<UpgradeRequestRecord> requests = new Grid<>();
    private final boolean operator;
    private final boolean admin;

    public UpgradesView(UpgradeService upgrades, AuthenticationContext authentication) {
        this.upgrades = upgrades;
        this.admin = authentication.hasRole(Roles.ADMIN);
        this.operator = admin || authentication.hasRole(Roles.OPERATOR);
        addClassNames("sk-page", "sk-backups");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        plan.setId("upgrade-plan");
        add(currentCard(), plannerCard(), requestsCard());
        refreshRequests();
    }

    private Card requestsCard() {
        requests.addColumn(UpgradeRequestRecord::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(r -> r.from() + " → " + r.toBackend() + " / " + r.toFrontend()).setHeader("Upgrade").setAutoWidth(true);
        requests.addComponentColumn(r -> {
            Span badge = new Span(r.status().name().toLowerCase());
            badge.getElement().getThemeList().add(switch (r.status()) {
                case APPROVED, SUCCEEDED -> "badge success";
                case REJECTED, FAILED, FAILED_ROLLED_BACK -> "badge error";
                default -> "badge";
            });
            return badge;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(r -> r.requestedBy()).setHeader("Requested by").setAutoWidth(true)
                .setTooltipGenerator(r -> TIME.format(r.requestedAt()));
        requests.addColumn(r -> r.decidedBy() == null ? "" : r.decidedBy() + ", " + TIME.format(r.decidedAt())
                + (r.decisionReason() == null ? "" : ": " + r.decisionReason())).setHeader("Decided").setAutoWidth(true);
        requests.addColumn(r -> r.acknowledgements().size()).setHeader("Acknowledged").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(UpgradeRequestRecord::reason).setHeader("Reason").setFlexGrow(1).setTooltipGenerator(UpgradeRequestRecord::reason);
        if (admin) {
            requests.addComponentColumn(this::decisionButtons).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        requests.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        requests.setAllRowsVisible(true);
        requests.setEmptyStateText("No upgrade has been requested yet.");
        requests.setId("upgrade-requests");
        Card card = new Card("Requests", requests);
        card.addClassName("sk-card-wide");
        return card;
    }

    private Component decisionButtons(UpgradeRequestRecord request) {
        if (request.status() != RequestStatus.REQUESTED) {
            return new Span();
        }
        TextField reason = new TextField("Reason");
        reason.setWidthFull();
        Button approve = new Button("Approve", VaadinIcon.CHECK.create(), e -> new FormDialog("Approve upgrade #" + request.id(), "Approve", () -> {
            upgrades.approve(request.id(), reason.getValue());
            refreshRequests();
        }, new Paragraph("The approval holds for a day; it is void if the plan changes."), reason).open());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        approve.setId("approve-" + request.id());
        TextField why = new TextField("Reason");
        why.setWidthFull();
        Button reject = new Button("Reject", e -> new FormDialog("Reject upgrade #" + request.id(), "Reject", () -> {
            upgrades.reject(request.id(), why.getValue());
            refreshRequests();
        }, why).open());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(approve, reject);
    }

    private void refreshRequests() {
        requests.setItems(upgrades.requests());
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
        if (operator && !result.blocked()) {
            plan.add(requestForm(result));
        }
    }

    /** One box per breaking change crossed: all must be ticked before the request can be sent. */
    private Div requestForm(UpgradePlan result) {
        Div form = new Div();
        form.addClassName("sk-card");
        form.add(new H4("Request this upgrade"));
        List<Checkbox> boxes = new java.util.ArrayList<>();
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
                UpgradeRequestRecord created = upgrades.request(result.to().backend().toString(), result.to().frontend().toString(), reason.getValue(),
                        null, null, boxes.stream().filter(Checkbox::getValue).map(box -> box.getId().orElseThrow().substring(4)).toList());
                FormDialog.confirmDone("Upgrade #" + created.id() + " requested: another admin must approve it.");
                plan.removeAll();
                refreshRequests();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                error.setText(ex.getMessage());
            }
        });
        form.add(reason, send, error);
        return form;
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
