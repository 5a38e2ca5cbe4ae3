package io.stackkeeper.logs.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.Command;
import io.stackkeeper.base.ui.Live;
import io.stackkeeper.logs.LiveLogs;
import io.stackkeeper.logs.LogLevel;
import io.stackkeeper.logs.LogLine;
import io.stackkeeper.logs.LogService;
import io.stackkeeper.stack.StackPart;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live side of the logs page: a "Live" switch, the containers to follow, Pause/Resume with how many lines wait,
 * and "Jump to now". While live the grid shows the viewer's lines (at most its bound), updated through the page's
 * push at most five times a second; the page's filter and level apply, and changing them follows anew.
 */
class LiveControls extends HorizontalLayout {

    /** The page's filter as typed and its level; an {@link IllegalArgumentException} from it is shown at the filter. */
    record Filter(Supplier<String> text, Supplier<LogLevel> level, Consumer<IllegalArgumentException> invalid) {
    }

    private final LogService logs;
    private final Grid<LogLine> grid;
    private final Span summary;
    private final Filter filter;
    private final Consumer<Boolean> historyShown;
    private final Checkbox live = new Checkbox("Live");
    private final CheckboxGroup<StackPart> containers = new CheckboxGroup<>("Containers");
    private final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    private final Span waiting = new Span();
    private final Button jump = new Button("Jump to now", VaadinIcon.ARROW_DOWN.create());
    private volatile LiveLogs following;
    private List<LogLine> shown = List.of();
    private final AtomicBoolean showPending = new AtomicBoolean();
    private Consumer<Command> page;

    /** {@code historyShown} hides the range fields while live and shows them (and searches) when live ends. */
    LiveControls(LogService logs, Grid<LogLine> grid, Span summary, Filter filter, Consumer<Boolean> historyShown) {
        this.logs = logs;
        this.grid = grid;
        this.summary = summary;
        this.filter = filter;
        this.historyShown = historyShown;
        live.setId("logs-live");
        containers.setId("logs-containers");
        containers.setItems(StackPart.values());
        containers.setItemLabelGenerator(StackPart::label);
        containers.setValue(EnumSet.of(StackPart.BACKEND));
        pause.setId("logs-pause");
        waiting.setId("logs-waiting");
        waiting.getElement().getThemeList().add("badge contrast");
        jump.setId("logs-jump");
        jump.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        live.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                switchTo(e.getValue());
            }
        });
        containers.addValueChangeListener(e -> {
            if (live.getValue()) {
                restart();
            }
        });
        pause.addClickListener(e -> togglePause());
        jump.addClickListener(e -> jumpToNow());
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setPadding(false);
        add(live, containers, pause, waiting, jump);
        showControls(false);
        Live.whileAttached(this, ui -> {
            page = Live.updates(ui);
            if (live.getValue()) {
                restart();
            }
            return this::stop;
        });
    }

    boolean isLive() {
        return live.getValue();
    }

    /** The lines the open viewer shows now, oldest first, or null when none is open (safe off the page's thread). */
    List<LogLine> shownLines() {
        LiveLogs open = following;
        return open == null ? null : open.lines();
    }

    /** Follows anew with the page's filter as it is now (the tail again). */
    void restart() {
        stop();
        List<StackPart> parts = containers.getValue().stream().sorted().toList();
        if (parts.isEmpty()) {
            summary.setText("Pick at least one container to follow.");
            showLines(List.of());
            return;
        }
        if (page == null) {
            page = Live.updates(UI.getCurrent());
        }
        Consumer<Command> toPage = page;
        try {
            following = logs.follow(EnumSet.copyOf(parts), LogService.LIVE_TAIL, filter.text().get(), filter.level().get(),
                    batch -> {
                        // one change of the grid waiting at a time: it shows the newest lines anyway, and two item
                        // changes in one answer put Vaadin's DataCommunicator out of step
                        if (showPending.compareAndSet(false, true)) {
                            toPage.accept(this::show);
                        }
                    });
        } catch (IllegalArgumentException | IllegalStateException e) {
            filter.invalid().accept(e instanceof IllegalArgumentException bad ? bad : new IllegalArgumentException(e.getMessage()));
            return;
        }
        showLines(List.of());
        grid.setEmptyStateText("Waiting for lines of " + parts.stream().map(StackPart::label).collect(Collectors.joining(", ")) + "\u2026");
        pause.setText("Pause");
        pause.setIcon(VaadinIcon.PAUSE.create());
        showWaiting();
        summary.setText("Live: the last " + LogService.LIVE_TAIL + " lines and what follows");
    }

    private void switchTo(boolean on) {
        showControls(on);
        historyShown.accept(!on);
        if (on) {
            restart();
        } else {
            stop();
        }
    }

    private void show() {
        showPending.set(false);
        LiveLogs open = following;
        if (open == null) {
            return;
        }
        if (!open.paused()) {
            showLines(open.lines());
            if (!shown.isEmpty()) {
                scrollToNewest();
            }
            summary.setText("Live: " + shown.size() + (shown.size() == 1 ? " line" : " lines") + " shown (at most "
                    + open.maxLines() + ")");
        }
        showWaiting();
    }

    /**
     * A new list each time rather than a refresh of one that changes: with push, a refreshed list whose size changed
     * between the browser's request and the answer trips Vaadin's DataCommunicator (IndexOutOfBoundsException in
     * collectKeysToFlush, vaadin/flow#19503).
     */
    private void showLines(List<LogLine> lines) {
        shown = lines;
        grid.setItems(LineItems.of(lines));
    }

    private void togglePause() {
        LiveLogs open = following;
        if (open == null) {
            return;
        }
        if (open.paused()) {
            open.resume();
            pause.setText("Pause");
            pause.setIcon(VaadinIcon.PAUSE.create());
        } else {
            open.pause();
            pause.setText("Resume");
            pause.setIcon(VaadinIcon.PLAY.create());
        }
        showWaiting();
    }

    private void jumpToNow() {
        LiveLogs open = following;
        if (open != null && open.paused()) {
            togglePause();
        }
        scrollToNewest();
    }

    /**
     * Scrolls to the last row once the browser has taken the new items: a scroll in the same answer as new items
     * leaves the rows in view empty (vaadin/vaadin-grid#1857).
     */
    private void scrollToNewest() {
        grid.getElement().executeJs("const grid = this; requestAnimationFrame(() => grid.scrollToIndex(Math.max(0, grid.size - 1)))");
    }

    private void showWaiting() {
        LiveLogs open = following;
        int count = open == null ? 0 : open.waiting();
        long dropped = open == null ? 0 : open.dropped();
        waiting.setVisible(open != null && open.paused());
        waiting.setText(count + " waiting" + (dropped > 0 ? ", " + dropped + " older dropped" : ""));
    }

    private void showControls(boolean on) {
        containers.setVisible(on);
        pause.setVisible(on);
        jump.setVisible(on);
        waiting.setVisible(false);
    }

    private void stop() {
        LiveLogs open = following;
        following = null;
        if (open != null) {
            open.close();
        }
    }
}
