package io.stackkeeper.stack.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.stackkeeper.base.ByteSize;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.MongoFacts;
import io.stackkeeper.stack.RedisFacts;
import io.stackkeeper.stack.ComponentReading;
import io.stackkeeper.stack.StackService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One card per stack component, each filled as soon as its own answer arrives: the page paints at once and a slow or
 * dead component shows its own error without holding up the others.
 */
@Route(value = "stack", layout = MainLayout.class)
@PageTitle("Stack")
@Menu(title = "Stack", order = 10, icon = "vaadin:server")
@PermitAll
public class StackView extends VerticalLayout {


    private final StackService stack;
    private final Div banner = new Div();
    private final Div badges = new Div();
    private final Div work = new Div();
    private final Card engine = pending("Container engine", "engine");
    private final Card backend = pending("Backend", "backend");
    private final Card frontend = pending("Frontend", "frontend");
    private final Card mongo = pending("MongoDB", "mongo");
    private final Card redis = pending("Redis", "redis");
    private volatile ContainerFacts backendFacts;
    private volatile ContainerFacts frontendFacts;
    private int containersDone;

    public StackView(StackService stack) {
        this.stack = stack;
        addClassName("sk-page");
        banner.addClassName("sk-banner");
        banner.setId("stack-banner");
        banner.setVisible(false);
        work.addClassName("sk-banner");
        work.setId("stack-work");
        work.setVisible(false);
        badges.addClassName("sk-badges");
        badges.setId("stack-badges");
        Div grid = new Div(engine, backend, frontend, mongo, redis);
        grid.addClassName("sk-card-grid");
        add(banner, work, badges, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        if (!stack.configured()) {
            banner.setText("The stack is not configured yet: an admin sets it up under Stack settings.");
            banner.setVisible(true);
        } else if (stack.demo()) {
            banner.setText("This is the demo stack: sample containers, a MongoDB stand-in and a local Redis. "
                    + "An admin connects your own stack under Stack settings.");
            banner.setVisible(true);
        }
        try {
            List<String> running = stack.runningWork();
            work.setText("Running on the stack now: " + String.join("; ", running) + ". An upgrade or a restore runs alone: while one runs, other work on the stack is refused.");
            work.setVisible(!running.isEmpty());
        } catch (RuntimeException e) {
            work.setText("What runs on the stack cannot be read right now: " + e.getMessage());
            work.setVisible(true);
        }
        boolean demo = stack.configured() && stack.demo();
        CompletableFuture<ComponentReading<io.stackkeeper.stack.EngineInfo>> engineFacts = stack.engine();
        fill(ui, engine, engineFacts, e -> column(line("Engine", e.product()), line("Version", e.version()),
                line("API", e.apiVersion()), line("OS", e.os())));
        if (demo) {
            engineFacts.thenAccept(result -> {
                if (!result.ok()) {
                    ui.access(() -> banner.setText(banner.getText() + " The demo's container engine is not running: "
                            + "run 'sudo scripts/local-engine.sh', then restart with scripts/demo.sh."));
                }
            });
        }
        fillContainer(ui, backend, stack.backend(), true);
        fillContainer(ui, frontend, stack.frontend(), false);
        fill(ui, mongo, stack.mongo(), this::mongoContent);
        fill(ui, redis, stack.redis(), this::redisContent);
    }

    private void fillContainer(UI ui, Card card, CompletableFuture<ComponentReading<ContainerFacts>> future, boolean isBackend) {
        fill(ui, card, future, facts -> {
            if (isBackend) {
                backendFacts = facts;
            } else {
                frontendFacts = facts;
            }
            return containerContent(facts);
        });
        future.whenComplete((result, error) -> ui.access(() -> {
            containersDone++;
            if (containersDone == 2) {
                showBadges();
            }
        }));
    }

    private <T> void fill(UI ui, Card card, CompletableFuture<ComponentReading<T>> future, Function<T, Component> render) {
        future.whenComplete((result, error) -> ui.access(() -> {
            card.addClassName("sk-card-loaded");
            if (result != null && result.ok()) {
                card.setContent(render.apply(result.facts()));
            } else {
                Span problem = new Span(result != null ? result.error() : String.valueOf(error));
                problem.addClassName("sk-error");
                card.addClassName("sk-card-failed");
                card.setContent(problem);
            }
        }));
    }

    private void showBadges() {
        badges.removeAll();
        Boolean compatible = StackService.compatible(backendFacts, frontendFacts);
        if (compatible != null) {
            Span badge = new Span(compatible
                    ? "Compatible: backend and frontend are both v" + major(backendFacts)
                    : "Incompatible: backend v" + major(backendFacts) + " and frontend v" + major(frontendFacts) + " differ in major version");
            badge.getElement().getThemeList().add(compatible ? "badge success" : "badge error primary");
            badge.setId("compatibility");
            badges.add(badge);
        }
        for (ContainerFacts c : new ContainerFacts[] {backendFacts, frontendFacts}) {
            if (c != null && c.floatingTag()) {
                Span warning = new Span(c.name() + " runs from the floating tag '" + c.image().substring(c.image().lastIndexOf(':') + 1)
                        + "': pin a version such as 89.0.0");
                warning.getElement().getThemeList().add("badge contrast");
                warning.addClassName("floating-tag-warning");
                badges.add(warning);
            }
        }
    }

    private static String major(ContainerFacts c) {
        return c.version() == null ? "?" : c.version().substring(0, c.version().indexOf('.'));
    }

    private Component containerContent(ContainerFacts c) {
        Span state = new Span(c.state() + (c.health() == null || c.health().isBlank() ? "" : " · " + c.health()));
        state.getElement().getThemeList().add(c.running() ? "badge success" : "badge error");
        Div content = column(
                line("Container", c.name()),
                line("Image", c.image()),
                line("Version", c.version() == null ? "unpinned" : c.version()),
                line("Image ID", shortId(c.imageId())),
                line("Started", c.startedAt() == null ? "never" : DateTimes.SECONDS.format(c.startedAt())),
                line("Restarts", String.valueOf(c.restartCount())),
                line("OOM-killed", c.oomKilled() ? "yes" : "no"),
                line("Storage", c.hostPathOf(StackService.STORAGE_MOUNT).orElse(null)),
                line("Mounts", c.mounts().isEmpty() ? "none" : c.mounts().stream()
                        .map(m -> m.source() + " → " + m.destination() + (m.readWrite() ? "" : " (ro)")).collect(Collectors.joining(", "))),
                line("Ports", c.ports().isEmpty() ? "none" : c.ports().stream()
                        .map(p -> (p.hostPort() == null ? "" : (p.hostIp() == null || p.hostIp().isBlank() ? "" : p.hostIp() + ":") + p.hostPort() + " → ")
                                + p.containerPort() + "/" + p.protocol()).collect(Collectors.joining(", "))));
        content.addComponentAsFirst(state);
        return content;
    }

    private Component mongoContent(MongoFacts m) {
        Div content = column(line("Version", m.version()), line("Feature compatibility", m.featureCompatibilityVersion()));
        for (MongoFacts.Database db : m.databases()) {
            content.add(line(db.name(), db.collections().size() + " collections, "
                    + db.collections().stream().mapToLong(MongoFacts.Collection::documents).sum() + " documents, "
                    + ByteSize.format(db.sizeOnDisk())));
        }
        return content;
    }

    private Component redisContent(RedisFacts r) {
        return column(line("Version", r.version()), line("Used memory", r.usedMemoryHuman()),
                line("Clients", String.valueOf(r.connectedClients())), line("Up for", r.uptimeSeconds() / 3600 + " h"));
    }

    private static Card pending(String title, String id) {
        ProgressBar loading = new ProgressBar();
        loading.setIndeterminate(true);
        Card card = new Card(title, loading);
        card.setId("card-" + id);
        return card;
    }

    private static Div column(Component... lines) {
        Div column = new Div(lines);
        column.addClassName("sk-facts");
        return column;
    }

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("sk-fact-name");
        Span text = new Span(value == null ? "—" : value);
        text.addClassName("sk-fact-value");
        return new Div(name, text);
    }

    private static String shortId(String id) {
        if (id == null) {
            return null;
        }
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
