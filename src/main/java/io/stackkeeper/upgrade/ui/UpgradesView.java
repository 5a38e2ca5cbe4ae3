package io.stackkeeper.upgrade.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.base.ui.Live;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.Roles;
import io.stackkeeper.upgrade.RequestQuery;
import io.stackkeeper.upgrade.RequestStatus;
import io.stackkeeper.upgrade.RolloutStep;
import io.stackkeeper.upgrade.UpgradeRequestRecord;
import io.stackkeeper.upgrade.UpgradeService;
import jakarta.annotation.security.PermitAll;

/**
 * Upgrades: the running versions ({@link RunningVersionsCard}), each run's steps live ({@link UpgradeRunPanel}), the
 * planner with each step's breaking changes and checks ({@link PlannerCard}), requests with four-eyes approval and the
 * start of approved ones, the history with filters and CSV ({@link RequestsCard}), and the release catalog
 * ({@link CatalogCard}).
 */
@Route(value = "upgrades", layout = MainLayout.class)
@PageTitle("Upgrades")
@Menu(title = "Upgrades", order = 30, icon = "vaadin:arrow-circle-up-o")
@PermitAll
public class UpgradesView extends VerticalLayout {

    private final UpgradeRunPanel run = new UpgradeRunPanel();
    private final RunningVersionsCard current;
    private final RequestsCard requests;

    public UpgradesView(UpgradeService upgrades, AuthenticationContext authentication) {
        boolean admin = authentication.hasRole(Roles.ADMIN);
        boolean operator = admin || authentication.hasRole(Roles.OPERATOR);
        addClassNames("sk-page", "sk-backups");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        requests = new RequestsCard(upgrades, run, operator, admin);
        PlannerCard planner = new PlannerCard(upgrades, operator, requests::refresh);
        current = new RunningVersionsCard(upgrades, planner::choices);
        current.refresh();
        add(current, run, planner, requests, new CatalogCard(upgrades, admin, requests::refresh));
        requests.refresh();
        Live.whileAttached(this, ui -> {
            upgrades.requests(new RequestQuery(RequestStatus.RUNNING, null, null, null)).stream().findFirst().ifPresent(run::show);
            java.util.function.Consumer<com.vaadin.flow.server.Command> page = Live.updates(ui);
            return upgrades.subscribe(news -> page.accept(() -> showNews(news)));
        });
    }

    /** A step of a run moved: show it unless another request is on screen; refresh the lists when a run starts or ends. */
    private void showNews(UpgradeRequestRecord news) {
        if (run.shown() == null || run.shown() == news.id() || news.status() == RequestStatus.RUNNING) {
            run.show(news);
        }
        boolean started = news.steps().stream().allMatch(step -> step.state() == RolloutStep.State.PENDING);
        if (news.status() != RequestStatus.RUNNING || started) {
            requests.refresh();
        }
        if (news.ended()) {
            current.refresh();
        }
    }
}
