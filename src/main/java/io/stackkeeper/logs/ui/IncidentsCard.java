package io.stackkeeper.logs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.DashboardCard;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.logs.IncidentView;
import io.stackkeeper.logs.LogService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/** Dashboard card: the stack's crash incidents of the last week, the newest named, for those who may read logs. */
@org.springframework.stereotype.Component
class IncidentsCard implements DashboardCard {

    private final LogService logs;

    IncidentsCard(LogService logs) {
        this.logs = logs;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Optional<Component> render() {
        List<IncidentView> incidents;
        try {
            incidents = logs.incidents(100);
        } catch (AccessDeniedException viewer) {
            return Optional.empty();
        }
        Card card = new Card("Crash incidents");
        card.setId("incidents-card");
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
        List<IncidentView> thisWeek = incidents.stream().filter(i -> i.lastAt().isAfter(weekAgo)).toList();
        Span count = new Span(thisWeek.isEmpty() ? "None this week" : thisWeek.size() + " this week");
        count.addClassName("sk-big");
        count.getElement().getThemeList().add(thisWeek.isEmpty() ? "badge success" : "badge error");
        Span newest = new Span(incidents.isEmpty() ? "No container of the stack has crashed since the portal watches them."
                : "Newest: " + incidents.get(0).part() + " " + incidents.get(0).kind().words()
                        + (incidents.get(0).exitCode() == null ? "" : " (exit " + incidents.get(0).exitCode() + ")") + ", "
                        + DateTimes.MINUTES.format(incidents.get(0).lastAt())
                        + (incidents.get(0).duringWork() == null ? "" : ", " + incidents.get(0).duringWork()) + ".");
        newest.setId("incidents-newest");
        card.setContent(count, newest, new RouterLink("Open the logs", LogsView.class));
        return Optional.of(card);
    }
}
