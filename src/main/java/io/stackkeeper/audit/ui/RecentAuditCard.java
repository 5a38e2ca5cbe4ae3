package io.stackkeeper.audit.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditRecord;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DashboardCard;
import java.util.List;
import java.util.Optional;

/** Dashboard card: the latest audit entries the signed-in user may see. */
@org.springframework.stereotype.Component
class RecentAuditCard implements DashboardCard {

    private static final int SHOWN = 8;

    private final AuditLog auditLog;

    RecentAuditCard(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> render() {
        List<AuditRecord> recent = auditLog.recentVisibleToMe(SHOWN);
        Grid<AuditRecord> grid = new Grid<>();
        grid.addColumn(r -> DateTimes.SECONDS.format(r.time())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditRecord::target).setHeader("Target").setAutoWidth(true);
        grid.addComponentColumn(AuditView::outcomeBadge).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setItems(recent);
        grid.setEmptyStateText("Nothing recorded yet.");
        Card card = new Card("Recent activity", grid);
        card.addClassName("sk-card-wide");
        card.setId("recent-activity");
        return Optional.of(card);
    }
}
