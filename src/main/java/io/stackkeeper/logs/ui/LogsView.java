package io.stackkeeper.logs.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.stackkeeper.base.ui.DateTimes;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.base.ui.TextDownload;
import io.stackkeeper.logs.LogLevel;
import io.stackkeeper.logs.LogLine;
import io.stackkeeper.logs.LogPage;
import io.stackkeeper.logs.LogService;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.StackPart;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The logs the portal kept of the stack's containers, across their recreations: a container, a time range (the last
 * hour by default), a minimum level and the filter ({@code user:42 route:/api level>=warn}, words, {@code /regex/}),
 * applied on the server; the newest lines at the bottom, each opened for its fields and folded lines; the filtered
 * view downloaded as {@code .jsonl} or {@code .txt}. Switched to live ({@link LiveControls}), the same filter applies to
 * the lines the chosen containers write now.
 */
@Route(value = "logs", layout = MainLayout.class)
@PageTitle("Logs")
@Menu(title = "Logs", order = 17, icon = "vaadin:file-text-o")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class LogsView extends VerticalLayout {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final int PAGE = 2_000;

    private final LogService logs;
    private final ObjectMapper json;
    private final Select<StackPart> container = new Select<>();
    private final TextField filter = new TextField("Filter");
    private final Select<LogLevel> level = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final Span summary = new Span();
    private final Grid<LogLine> grid = new Grid<>();
    /** Read by the downloads, which run outside the UI's request. */
    private volatile LogPage shown = new LogPage(java.util.List.of(), false);
    private final LiveControls live;
    private final java.util.List<com.vaadin.flow.component.Component> historyOnly = new java.util.ArrayList<>();

    public LogsView(LogService logs, ObjectMapper json, AuthenticationContext authentication) {
        this.logs = logs;
        this.json = json;
        addClassName("sk-page");
        setSizeFull();
        summary.setId("logs-summary");
        summary.addClassName("sk-hint");
        live = new LiveControls(logs, grid, summary, new LiveControls.Filter(filter::getValue, level::getValue, this::showInvalid), this::showHistory);
        add(new IncidentsPanel(logs), new KeepingPanel(logs, authentication.hasRole(Roles.ADMIN)), filters(), summary, grid());
        search();
    }

    private HorizontalLayout filters() {
        container.setLabel("Container");
        container.setItems(StackPart.values());
        container.setItemLabelGenerator(StackPart::label);
        container.setValue(StackPart.BACKEND);
        container.setId("logs-container");
        container.setWidth("9rem");
        level.setLabel("Level at least");
        level.setItems(LogLevel.values());
        level.setItemLabelGenerator(l -> l == null ? "any" : l.name().toLowerCase(Locale.ROOT));
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption("any");
        level.setId("logs-level");
        level.setWidth("9rem");
        filter.setId("logs-filter");
        filter.setPlaceholder("user:42 route:/api level>=warn \"a phrase\" /regex/");
        filter.setClearButtonVisible(true);
        filter.setWidth("26rem");
        filter.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> search());
        from.setWidth("17rem");
        to.setWidth("17rem");
        container.addValueChangeListener(e -> search());
        level.addValueChangeListener(e -> search());
        from.addValueChangeListener(e -> search());
        to.addValueChangeListener(e -> search());
        Button apply = new Button("Search", VaadinIcon.SEARCH.create(), e -> search());
        apply.setId("logs-search");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextDownload jsonLines = new TextDownload("logs-download-jsonl", ".jsonl", "stackkeeper-logs", "jsonl", "application/x-ndjson",
                this::writeJsonLines);
        TextDownload text = new TextDownload("logs-download-txt", ".txt", "stackkeeper-logs", "txt", "text/plain", this::writeText);
        historyOnly.addAll(java.util.List.of(container, from, to, apply));
        HorizontalLayout bar = new HorizontalLayout(container, level, filter, from, to, apply, jsonLines, text, live);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();
        return bar;
    }

    private Grid<LogLine> grid() {
        grid.setId("logs-grid");
        grid.addColumn(line -> MILLIS.format(line.time())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(LogsView::levelBadge).setHeader("Level").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LogLine::logger).setHeader("Logger").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(line -> line.message() + (line.continuation().isEmpty() ? "" : "  (+" + line.continuation().size() + " lines)"))
                .setHeader("Message").setFlexGrow(1);
        grid.addColumn(LogLine::container).setHeader("Container").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(LogsView::details));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No kept lines match in this range.");
        grid.setSizeFull();
        return grid;
    }

    private void search() {
        if (live.isLive()) {
            filter.setInvalid(false);
            live.restart();
            return;
        }
        Instant end = instant(to.getValue(), Instant.now().plusSeconds(1));
        Instant start = instant(from.getValue(), end.minus(Duration.ofHours(1)));
        try {
            LogPage page = logs.history(container.getValue(), start, end, filter.getValue(), level.getValue(), PAGE);
            filter.setInvalid(false);
            shown = page;
            grid.setItems(LineItems.of(page.lines()));
            if (!page.lines().isEmpty()) {
                grid.scrollToEnd();
            }
            String following = logs.followedContainer(container.getValue());
            summary.setText(page.lines().size() + (page.lines().size() == 1 ? " line" : " lines") + " from " + DateTimes.SECONDS.format(start)
                    + " to " + DateTimes.SECONDS.format(end) + (page.more() ? "; older lines match too: narrow the range or the filter" : "")
                    + (following == null ? "; the container is not followed now" : "; following " + following));
        } catch (IllegalArgumentException e) {
            showInvalid(e);
        }
    }

    private void showInvalid(IllegalArgumentException e) {
        filter.setErrorMessage(e.getMessage());
        filter.setInvalid(true);
    }

    /** The range and the container picker belong to the kept history: hidden while live. */
    private void showHistory(boolean on) {
        historyOnly.forEach(field -> field.setVisible(on));
        if (on) {
            grid.setEmptyStateText("No kept lines match in this range.");
            search();
        }
    }

    private static Instant instant(LocalDateTime value, Instant otherwise) {
        return value == null ? otherwise : value.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static Span levelBadge(LogLine line) {
        Span badge = new Span(line.level() == null ? "" : line.level().name().toLowerCase(Locale.ROOT));
        if (line.level() != null) {
            badge.getElement().getThemeList().add(switch (line.level()) {
                case TRACE, DEBUG -> "badge contrast";
                case INFO -> "badge";
                case WARN -> "badge warning";
                case ERROR, FATAL -> "badge error";
            });
        }
        return badge;
    }

    private static Pre details(LogLine line) {
        String fields = line.fields().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        String folded = String.join("\n", line.continuation());
        Pre pre = new Pre((fields + (fields.isEmpty() || folded.isEmpty() ? "" : "\n\n") + folded).strip());
        pre.addClassName("sk-log-details");
        return pre;
    }

    /** What the downloads write (on a thread of their own): the live viewer's lines while live, else the page of kept lines shown. */
    private java.util.List<LogLine> downloaded() {
        java.util.List<LogLine> following = live.shownLines();
        return following != null ? following : shown.lines();
    }

    private void writeJsonLines(Writer out) throws java.io.IOException {
        for (LogLine line : downloaded()) {
            out.write(json.writeValueAsString(line));
            out.write('\n');
        }
    }

    private void writeText(Writer out) throws java.io.IOException {
        for (LogLine line : downloaded()) {
            out.write(line.raw());
            out.write('\n');
            for (String folded : line.continuation()) {
                out.write(folded);
                out.write('\n');
            }
        }
    }
}
