package io.stackkeeper.audit.ui;

import io.stackkeeper.base.ui.CsvDownload;
import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.audit.AuditRecord;
import io.stackkeeper.audit.ChainVerification;
import io.stackkeeper.base.Outcome;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The audit trail for admins and managers: filter, page lazily, export as CSV, verify the hash chain. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail")
@Menu(title = "Audit trail", order = 70, icon = "vaadin:clipboard-text")
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class AuditView extends VerticalLayout {


    private final AuditLog auditLog;
    private final Grid<AuditRecord> grid = new Grid<>();
    private final TextField actor = new TextField("Actor");
    private final TextField action = new TextField("Action");
    private final Select<Outcome> outcome = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final Span total = new Span();
    /** Read by the CSV download, which runs outside the UI's request. */
    private volatile AuditQuery currentQuery = AuditQuery.ALL;

    public AuditView(AuditLog auditLog, AuthenticationContext authentication) {
        this.auditLog = auditLog;
        addClassName("sk-page");
        setSizeFull();
        add(filters(authentication.hasRole(Roles.ADMIN)), configureGrid(), total);
        total.addClassName("sk-hint");
        total.setId("audit-total");
        refresh();
    }

    private HorizontalLayout filters(boolean admin) {
        actor.setPlaceholder("user name");
        action.setPlaceholder("e.g. login. or user.created");
        for (TextField field : new TextField[] {actor, action}) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> refresh());
        }
        outcome.setLabel("Outcome");
        outcome.setItems(Outcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        outcome.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        actor.setWidth("11rem");
        action.setWidth("14rem");
        outcome.setWidth("9rem");
        from.setWidth("17rem");
        to.setWidth("17rem");
        to.addValueChangeListener(e -> refresh());

        CsvDownload export = new CsvDownload("export-csv", "stackkeeper-audit", out -> auditLog.exportCsv(currentQuery, out));

        HorizontalLayout bar = new HorizontalLayout(actor, action, outcome, from, to, export);
        if (admin) {
            Button verify = new Button("Verify chain", VaadinIcon.CHECK_CIRCLE_O.create(), e -> verify());
            verify.setId("verify-chain");
            verify.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            bar.add(verify);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();
        return bar;
    }

    private Grid<AuditRecord> configureGrid() {
        grid.addColumn(r -> DateTimes.SECONDS.format(r.time())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::target).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AuditView::outcomeBadge).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::clientAddress).setHeader("Client").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::details).setHeader("Details").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No audit entries match these filters.");
        grid.setSizeFull();
        return grid;
    }

    static Span outcomeBadge(AuditRecord record) {
        Span badge = new Span(record.outcome().name().toLowerCase());
        badge.getElement().getThemeList().add(switch (record.outcome()) {
            case SUCCESS -> "badge success";
            case FAILURE -> "badge error";
            case DENIED -> "badge error primary";
        });
        return badge;
    }

    private AuditQuery query() {
        return new AuditQuery(actor.getValue(), action.getValue(), outcome.getValue(), instant(from.getValue()), instant(to.getValue()));
    }

    private static java.time.Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(ZoneId.systemDefault()).toInstant();
    }

    private void refresh() {
        AuditQuery query;
        try {
            query = query();
            to.setInvalid(false);
        } catch (IllegalArgumentException e) {
            to.setErrorMessage(e.getMessage());
            to.setInvalid(true);
            return;
        }
        currentQuery = query;
        long count = auditLog.count(query);
        total.setText(count + (count == 1 ? " entry" : " entries"));
        grid.setItems(page -> auditLog.slice(query, page.getOffset(), page.getLimit()).stream(), page -> (int) Math.min(count, Integer.MAX_VALUE));
    }


    private void verify() {
        ChainVerification result = auditLog.verifyChain();
        Notification notification = result.intact()
                ? Notification.show("The audit chain is intact: " + result.entriesChecked() + " entries checked.", 6000, Notification.Position.TOP_CENTER)
                : Notification.show("The audit chain is broken. " + result.problem(), 0, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(result.intact() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        if (!result.intact()) {
            Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            notification.add(close);
        }
        refresh();
    }
}
