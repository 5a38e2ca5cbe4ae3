package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.base.DataFolder;
import io.stackkeeper.base.ui.Live;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.security.PermitAll;

/**
 * Backups: live progress of running work ({@link ProgressPanel}), the plans ({@link PlansCard}), the history managers
 * read with each set's details ({@link HistoryCard}), and trends of set size and duration ({@link TrendsCard}).
 */
@Route(value = "backups", layout = MainLayout.class)
@PageTitle("Backups")
@Menu(title = "Backups", order = 20, icon = "vaadin:archive")
@PermitAll
public class BackupsView extends VerticalLayout implements BeforeEnterObserver {

    private final BackupService backups;
    private final PlansCard plans;
    private final HistoryCard history;

    public BackupsView(BackupService backups, StackService stack, AuthenticationContext authentication, DataFolder dataFolder) {
        this.backups = backups;
        boolean admin = authentication.hasRole(Roles.ADMIN);
        boolean operator = admin || authentication.hasRole(Roles.OPERATOR);
        addClassNames("sk-page", "sk-backups");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.STRETCH);
        ProgressPanel progress = new ProgressPanel();
        TrendsCard trends = new TrendsCard(backups);
        history = new HistoryCard(backups, stack, operator, admin, trends::refresh);
        plans = new PlansCard(backups, operator, admin, dataFolder.resolve("backups").toString(), history::refresh, history::plansAre);
        add(progress, plans, history, trends);
        Live.whileAttached(this, ui -> {
            backups.running().forEach(progress::show);
            java.util.function.Consumer<com.vaadin.flow.server.Command> page = Live.updates(ui);
            return backups.subscribe(p -> page.accept(() -> {
                progress.show(p);
                if (p.finished()) {
                    history.refresh();
                    plans.refresh();
                }
            }));
        });
        plans.refresh();
        history.refresh();
    }

    /** {@code backups?set=<id>} opens that set's details, e.g. from a failed upgrade pointing at its pre-upgrade backup. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("set").flatMap(backups::run).ifPresent(history::showSet);
    }
}
