package io.stackkeeper.backup.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import io.stackkeeper.backup.BackupRunRecord;
import io.stackkeeper.backup.BackupService;
import io.stackkeeper.backup.RunQuery;
import io.stackkeeper.backup.RunStatus;
import io.stackkeeper.base.ui.Card;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Set size and duration of the last 60 successful backups (of one plan, or all). */
class TrendsCard extends Card {

    private final BackupService backups;
    private final Div charts = new Div();

    TrendsCard(BackupService backups) {
        super("Set size and duration");
        this.backups = backups;
        charts.setId("backup-trends");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        setContent(charts);
        addClassName("sk-card-wide");
    }

    void refresh(String plan) {
        List<BackupRunRecord> recent = new ArrayList<>(backups.runs(new RunQuery(plan, RunStatus.SUCCEEDED, null, null, null), 0, 60));
        Collections.reverse(recent);
        charts.removeAll();
        charts.add(new Svg(TrendChart.svg("Set size", recent, r -> r.sizeBytes() == null ? 0.0 : r.sizeBytes(), v -> Amounts.bytes(v.longValue()))));
        charts.add(new Svg(TrendChart.svg("Duration", recent, r -> r.duration() == null ? 0.0 : r.duration().toMillis(),
                v -> Amounts.duration(Duration.ofMillis(v.longValue())))));
    }
}
