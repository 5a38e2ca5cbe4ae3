package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.CsvDownload;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.upgrade.RequestQuery;
import io.stackkeeper.upgrade.RequestStatus;
import io.stackkeeper.upgrade.UpgradeRequestRecord;
import io.stackkeeper.upgrade.UpgradeService;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Requests and history: filters, the CSV export, admins' decisions, and Start or Withdraw for the ops team. */
class RequestsCard extends Card {

    private final UpgradeService upgrades;
    private final UpgradeRunPanel run;
    private final boolean admin;
    private final Grid<UpgradeRequestRecord> requests = new Grid<>();
    private final Select<RequestStatus> statusFilter = new Select<>();
    private final TextField personFilter = new TextField("Person");
    private final DatePicker fromFilter = new DatePicker("From");
    private final DatePicker untilFilter = new DatePicker("Until");
    private final Paragraph startError = new Paragraph();

    RequestsCard(UpgradeService upgrades, UpgradeRunPanel run, boolean operator, boolean admin) {
        super("Requests and history");
        this.upgrades = upgrades;
        this.run = run;
        this.admin = admin;
        statusFilter.setLabel("Status");
        statusFilter.setItems(RequestStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any");
        statusFilter.setWidth("11rem");
        statusFilter.setId("filter-status");
        personFilter.setPlaceholder("requester, approver or starter");
        personFilter.setClearButtonVisible(true);
        personFilter.setValueChangeMode(ValueChangeMode.LAZY);
        fromFilter.setWidth("10rem");
        untilFilter.setWidth("10rem");
        statusFilter.addValueChangeListener(e -> refresh());
        personFilter.addValueChangeListener(e -> refresh());
        fromFilter.addValueChangeListener(e -> refresh());
        untilFilter.addValueChangeListener(e -> refresh());
        CsvDownload export = new CsvDownload("export-upgrades-csv", "stackkeeper-upgrades", out -> upgrades.exportCsv(query(), out));
        HorizontalLayout filters = new HorizontalLayout(statusFilter, personFilter, fromFilter, untilFilter, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        requests.addColumn(UpgradeRequestRecord::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(UpgradeWords::fromTo).setHeader("Upgrade").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> "backend / frontend: " + r.from() + " → " + r.to());
        requests.addComponentColumn(r -> UpgradeWords.statusBadge(r.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        requests.addColumn(r -> r.requestedBy()).setHeader("Requested by").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> DateTimes.MINUTES.format(r.requestedAt()));
        requests.addColumn(r -> r.decidedBy() == null ? "" : r.decidedBy()).setHeader("Decided by").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> r.decidedAt() == null ? "" : DateTimes.MINUTES.format(r.decidedAt())
                        + (r.decisionReason() == null ? "" : ": " + r.decisionReason()));
        requests.addColumn(UpgradeRequestRecord::reason).setHeader("Reason").setFlexGrow(1).setWidth("8rem")
                .setTooltipGenerator(UpgradeRequestRecord::reason);
        requests.addColumn(r -> r.startedAt() == null ? "" : DateTimes.MINUTES.format(r.startedAt()) + (r.finishedAt() == null ? ""
                : ", " + UpgradeRunPanel.seconds(Duration.between(r.startedAt(), r.finishedAt())))).setHeader("Ran").setWidth("11rem")
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
        setContent(filters, requests, startError);
        addClassName("sk-card-wide");
    }

    void refresh() {
        requests.setItems(upgrades.requests(query()));
        requests.recalculateColumnWidths();
    }

    private Component decisionButtons(UpgradeRequestRecord request) {
        if (request.status() != RequestStatus.REQUESTED) {
            return new Span();
        }
        TextField reason = new TextField("Reason");
        reason.setWidthFull();
        Button approve = new Button("Approve", VaadinIcon.CHECK.create(), e -> new FormDialog("Approve upgrade #" + request.id(), "Approve", () -> {
            upgrades.approve(request.id(), reason.getValue());
            refresh();
        }, new Paragraph("The approval holds for a day; it is void if the plan changes."), reason).open());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        approve.setId("approve-" + request.id());
        TextField why = new TextField("Reason");
        why.setWidthFull();
        Button reject = new Button("Reject", e -> new FormDialog("Reject upgrade #" + request.id(), "Reject", () -> {
            upgrades.reject(request.id(), why.getValue());
            refresh();
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
            refresh();
        }, new Paragraph("A full backup is taken first, then the containers are recreated at " + request.to()
                + " and checked; on a failure both go back to their previous images. Nothing else runs on the stack meanwhile.")).open());
        if (!request.requestedBy().equalsIgnoreCase(RequestOrigin.actor()) && !admin) {
            return start;
        }
        Button withdraw = new Button("Withdraw", e -> new FormDialog("Withdraw upgrade #" + request.id() + "?", "Withdraw", () -> {
            upgrades.withdraw(request.id());
            refresh();
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
}
