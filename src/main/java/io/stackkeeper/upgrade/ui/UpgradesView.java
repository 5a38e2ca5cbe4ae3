package io.stackkeeper.upgrade.ui;

import io.stackkeeper.base.RequestOrigin;

import io.stackkeeper.base.ui.Live;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.stackkeeper.upgrade.RequestQuery;
import io.stackkeeper.upgrade.RunStep;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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
import java.util.Optional;

/**
 * Upgrades: the running versions, the planner with each step's breaking changes and checks, requests with four-eyes
 * approval and the start of approved ones, each run's steps live, the history with filters and CSV, and the release
 * catalog.
 */
@Route(value = "upgrades", layout = MainLayout.class)
@PageTitle("Upgrades")
@Menu(title = "Upgrades", order = 30, icon = "vaadin:arrow-circle-up-o")
@PermitAll
public class UpgradesView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneId.systemDefault());

    private final UpgradeService upgrades;
    private final ComboBox<String> backend = new ComboBox<>("Target backend");
    private final ComboBox<String> frontend = new ComboBox<>("Target frontend");
    private final Div plan = new Div();
    private final Grid<UpgradeRequestRecord> requests = new Grid<>();
    private final boolean operator;
    private final boolean admin;
    private final UpgradeRunPanel run = new UpgradeRunPanel();
    private final Card current = new Card("Running versions");
    private final Select<RequestStatus> statusFilter = new Select<>();
    private final TextField personFilter = new TextField("Person");
    private final DatePicker fromFilter = new DatePicker("From");
    private final DatePicker untilFilter = new DatePicker("Until");
    private final Paragraph startError = new Paragraph();

    public UpgradesView(UpgradeService upgrades, AuthenticationContext authentication) {
        this.upgrades = upgrades;
        this.admin = authentication.hasRole(Roles.ADMIN);
        this.operator = admin || authentication.hasRole(Roles.OPERATOR);
        addClassNames("sk-page", "sk-backups");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        plan.setId("upgrade-plan");
        add(currentCard(), run, plannerCard(), requestsCard(), new CatalogCard(upgrades, admin, this::refreshRequests));
        refreshRequests();
        Live.whileAttached(this, ui -> {
            upgrades.requests(new RequestQuery(RequestStatus.RUNNING, null, null, null)).stream().findFirst().ifPresent(run::show);
            return upgrades.subscribe(news -> ui.access(() -> showNews(news)));
        });
    }

    /** A step of a run moved: show it unless another request is on screen; refresh the lists when a run starts or ends. */
    private void showNews(UpgradeRequestRecord news) {
        if (run.shown() == null || run.shown() == news.id() || news.status() == RequestStatus.RUNNING) {
            run.show(news);
        }
        boolean started = news.steps().stream().allMatch(step -> step.state() == RunStep.State.PENDING);
        if (news.status() != RequestStatus.RUNNING || started) {
            refreshRequests();
        }
        if (news.ended()) {
            showCurrent();
        }
    }

    static Span statusBadge(RequestStatus status) {
        Span badge = new Span(status.name().toLowerCase().replace('_', ' '));
        badge.getElement().getThemeList().add(switch (status) {
            case APPROVED, SUCCEEDED -> "badge success";
            case REJECTED, FAILED, FAILED_ROLLED_BACK -> "badge error";
            case RUNNING -> "badge primary";
            default -> "badge";
        });
        return badge;
    }

    /** {@code 89.0.0 → 90.0.0} when backend and frontend move together, else both pairs. */
    private static String fromTo(UpgradeRequestRecord r) {
        boolean together = r.fromBackend().equals(r.fromFrontend()) && r.toBackend().equals(r.toFrontend());
        return together ? r.fromBackend() + " → " + r.toBackend() : r.from() + " → " + r.to();
    }

    private Card requestsCard() {
        statusFilter.setLabel("Status");
        statusFilter.setItems(RequestStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any");
        statusFilter.setWidth("11rem");
        statusFilter.setId("filter-status");
        personFilter.setPlaceholder("requester, approver or starter");
        personFilter.setClearButtonVisible(true);
        personFilter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        fromFilter.setWidth("10rem");
        untilFilter.setWidth("10rem");
        statusFilter.addValueChangeListener(e -> refreshRequests());
        personFilter.addValueChangeListener(e -> refreshRequests());
        fromFilter.addValueChangeListener(e -> refreshRequests());
        untilFilter.addValueChangeListener(e -> refreshRequests());
        Anchor export = new Anchor((DownloadHandler) this::writeCsv, "");
        Button exportButton = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.setId("export-upgrades-csv");
        export.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(statusFilter, personFilter, fromFilter, untilFilter, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        requests.addColumn(UpgradeRequestRecord::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(UpgradesView::fromTo).setHeader("Upgrade").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> "backend / frontend: " + r.from() + " → " + r.to());
        requests.addComponentColumn(r -> statusBadge(r.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(r -> r.requestedBy()).setHeader("Requested by").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> TIME.format(r.requestedAt()));
        requests.addColumn(r -> r.decidedBy() == null ? "" : r.decidedBy()).setHeader("Decided by").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> r.decidedAt() == null ? "" : TIME.format(r.decidedAt())
                        + (r.decisionReason() == null ? "" : ": " + r.decisionReason()));
        requests.addColumn(UpgradeRequestRecord::reason).setHeader("Reason").setFlexGrow(1).setWidth("8rem")
                .setTooltipGenerator(UpgradeRequestRecord::reason);
        requests.addColumn(r -> r.startedAt() == null ? "" : TIME.format(r.startedAt()) + (r.finishedAt() == null ? ""
                : ", " + UpgradeRunPanel.seconds(java.time.Duration.between(r.startedAt(), r.finishedAt())))).setHeader("Ran").setWidth("11rem")
                .setFlexGrow(0);
        if (admin) {
            requests.addComponentColumn(this::decisionButtons).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        if (operator) {
            requests.addComponentColumn(this::startButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        requests.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        requests.setAllRowsVisible(true);
        requests.setEmptyStateText("No upgrade matches.");
        requests.setId("upgrade-requests");
        requests.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                run.show(e.getValue());
            }
        });
        startError.addClassName("sk-error");
        startError.setId("start-error");
        Card card = new Card("Requests and history", filters, requests, startError);
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

    /** For waiting and approved requests: Start, enabled only when the approval, its window and the plan still hold. */
    private Component startButton(UpgradeRequestRecord request) {
        if (request.status() != RequestStatus.APPROVED && request.status() != RequestStatus.REQUESTED) {
            return new Span();
        }
        Button start = new Button("Start", VaadinIcon.PLAY.create());
        start.setAriaLabel("Start upgrade #" + request.id());
        start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        start.setId("start-" + request.id());
        Optional<String> why = request.status() == RequestStatus.REQUESTED
                ? Optional.of("Waiting for another admin to approve it.") : upgrades.whyNotStartable(request.id());
        why.ifPresent(reason -> {
            start.setEnabled(false);
            start.setTooltipText(reason);
        });
        start.addClickListener(e -> new FormDialog("Start upgrade #" + request.id() + "?", "Start", () -> {
            startError.setText("");
            try {
                run.show(upgrades.start(request.id()));
            } catch (IllegalStateException ex) {
                startError.setText("Not started: " + ex.getMessage());
            }
            refreshRequests();
        }, new Paragraph("A full backup is taken first, then the containers are recreated at " + request.to()
                + " and checked; on a failure both go back to their previous images. Nothing else runs on the stack meanwhile.")).open());
        if (!request.requestedBy().equalsIgnoreCase(RequestOrigin.actor()) && !admin) {
            return start;
        }
        Button withdraw = new Button("Withdraw", e -> new FormDialog("Withdraw upgrade #" + request.id() + "?", "Withdraw", () -> {
            upgrades.withdraw(request.id());
            refreshRequests();
        }, new Paragraph("The request and any approval end here; a new request is needed to upgrade.")).open());
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        withdraw.setId("withdraw-" + request.id());
        return new HorizontalLayout(start, withdraw);
    }

    private RequestQuery query() {
        ZoneId zone = ZoneId.systemDefault();
        return new RequestQuery(statusFilter.getValue(), personFilter.getValue(),
                fromFilter.getValue() == null ? null : fromFilter.getValue().atStartOfDay(zone).toInstant(),
                untilFilter.getValue() == null ? null : untilFilter.getValue().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void refreshRequests() {
        requests.setItems(upgrades.requests(query()));
        requests.recalculateColumnWidths();
    }

    private void writeCsv(DownloadEvent event) throws IOException {
        event.setFileName("stackkeeper-upgrades-" + FILE_TIME.format(java.time.Instant.now()) + ".csv");
        event.setContentType("text/csv; charset=utf-8");
        try (var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            upgrades.exportCsv(query(), writer);
        }
    }

    private Card currentCard() {
        current.setId("upgrade-current");
        showCurrent();
        return current;
    }

    /** The running versions and the newer ones; also the planner's choices. */
    private void showCurrent() {
        Card card = current;
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
