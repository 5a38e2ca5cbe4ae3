package io.stackkeeper.stack.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.base.ui.MainLayout;
import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.ConnectionCheck;
import io.stackkeeper.stack.ContainerLookup;
import io.stackkeeper.stack.SettingsRefusedException;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import io.stackkeeper.stack.SavedStackSettings;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where an admin connects the portal to the stack. Each part has "Test connection"; secrets are shown only as set or
 * not set, and typing a new value replaces them.
 */
@Route(value = "stack/settings", layout = MainLayout.class)
@PageTitle("Stack settings")
@Menu(title = "Stack settings", order = 85, icon = "vaadin:cog")
@RolesAllowed(Roles.ADMIN)
public class StackSettingsView extends VerticalLayout {

    private final StackService stack;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final TextField engineEndpoint = text("engineEndpoint", "Engine endpoint", "unix:///var/run/docker.sock");
    private final TextField engineTlsPath = text("engineTlsPath", "TLS folder (tcp only)", "/etc/docker/certs");
    private final RadioButtonGroup<ContainerLookup> lookup = new RadioButtonGroup<>("Find the containers");
    private final TextField backendContainer = text("backendContainer", "Backend container", "toucan-backend");
    private final TextField frontendContainer = text("frontendContainer", "Frontend container", "toucan-frontend");
    private final TextField composeProject = text("composeProject", "Compose project", "toucan");
    private final TextField backendService = text("backendService", "Backend service", "backend");
    private final TextField frontendService = text("frontendService", "Frontend service", "frontend");
    private final PasswordField mongoUri = secret("mongoUri", "MongoDB URI");
    private final PasswordField redisUri = secret("redisUri", "Redis URI");
    private final TextField backendUrl = text("backendUrl", "Backend base URL", "http://127.0.0.1:5000");
    private final PasswordField statusUserAgent = secret("statusUserAgent", "Status-page User-Agent");
    private final TextField frontendUrl = text("frontendUrl", "Frontend base URL", "http://127.0.0.1:8080");
    private final TextField storageHostPath = text("storageHostPath", "Storage folder on the host", "detected from the backend's /app/storage mount");
    private final TextField registryUrl = text("registryUrl", "Registry URL", "https://quay.io");
    private final TextField registryUsername = text("registryUsername", "Registry username", "");
    private final PasswordField registryPassword = secret("registryPassword", "Registry password or token");
    private final TextField backendRepository = text("backendRepository", "Backend repository", "toucantoco/backend");
    private final TextField frontendRepository = text("frontendRepository", "Frontend repository", "toucantoco/frontend");
    private final Span saved = new Span();

    public StackSettingsView(StackService stack) {
        this.stack = stack;
        addClassName("sk-page");
        lookup.setItems(ContainerLookup.values());
        lookup.setItemLabelGenerator(mode -> mode == ContainerLookup.NAME ? "By container name" : "By compose project and service labels");
        lookup.setValue(ContainerLookup.NAME);
        lookup.addValueChangeListener(e -> showLookupFields());
        engineEndpoint.setValue("unix:///var/run/docker.sock");

        Div cards = new Div(
                section("Container engine", check("test-engine", () -> stack.testEngine(engineEndpoint.getValue(), engineTlsPath.getValue())),
                        engineEndpoint, engineTlsPath),
                section("Backend and frontend containers", null, lookup, backendContainer, frontendContainer, composeProject,
                        backendService, frontendService),
                section("MongoDB", check("test-mongo", () -> stack.testMongo(mongoUri.getValue())), mongoUri),
                section("Redis", check("test-redis", () -> stack.testRedis(redisUri.getValue())), redisUri),
                section("Backend", check("test-backend", () -> stack.testBackend(backendUrl.getValue(), statusUserAgent.getValue())),
                        backendUrl, statusUserAgent, storageHostPath),
                section("Frontend", check("test-frontend", () -> stack.testFrontend(frontendUrl.getValue())), frontendUrl),
                section("Image registry", check("test-registry", () -> stack.testRegistry(registryUrl.getValue(), registryUsername.getValue(),
                        registryPassword.getValue().isEmpty() ? null : registryPassword.getValue(), backendRepository.getValue())),
                        registryUrl, registryUsername, registryPassword, backendRepository, frontendRepository));
        cards.addClassName("sk-card-stack");
        Button save = new Button("Save settings", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-settings");
        saved.addClassName("sk-hint");
        HorizontalLayout actions = new HorizontalLayout(save, saved);
        actions.setAlignItems(Alignment.CENTER);
        add(cards, actions);
        showLookupFields();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        stack.settings().ifPresent(this::show);
    }

    private void show(SavedStackSettings s) {
        engineEndpoint.setValue(orEmpty(s.engineEndpoint()));
        engineTlsPath.setValue(orEmpty(s.engineTlsPath()));
        lookup.setValue(s.lookupMode());
        backendContainer.setValue(orEmpty(s.backendContainer()));
        frontendContainer.setValue(orEmpty(s.frontendContainer()));
        composeProject.setValue(orEmpty(s.composeProject()));
        backendService.setValue(orEmpty(s.backendService()));
        frontendService.setValue(orEmpty(s.frontendService()));
        backendUrl.setValue(orEmpty(s.backendUrl()));
        frontendUrl.setValue(orEmpty(s.frontendUrl()));
        storageHostPath.setValue(orEmpty(s.storageHostPath()));
        registryUrl.setValue(orEmpty(s.registryUrl()));
        registryUsername.setValue(orEmpty(s.registryUsername()));
        backendRepository.setValue(orEmpty(s.backendRepository()));
        frontendRepository.setValue(orEmpty(s.frontendRepository()));
        secretState(mongoUri, s.mongoUriSet());
        secretState(redisUri, s.redisUriSet());
        secretState(statusUserAgent, s.statusUserAgentSet());
        secretState(registryPassword, s.registryPasswordSet());
        saved.setText("Last saved by " + s.updatedBy() + (s.demo() ? " (the demo stack)" : "") + ".");
    }

    private void save() {
        fields.values().forEach(field -> ((HasValidation) field).setInvalid(false));
        try {
            SavedStackSettings result = stack.saveSettings(new StackSettingsChange(
                    new StackSettingsChange.Engine(engineEndpoint.getValue(), engineTlsPath.getValue()),
                    new StackSettingsChange.Containers(lookup.getValue(), backendContainer.getValue(), frontendContainer.getValue(),
                            composeProject.getValue(), backendService.getValue(), frontendService.getValue()),
                    new StackSettingsChange.Databases(secretValue(mongoUri), secretValue(redisUri)),
                    new StackSettingsChange.Urls(backendUrl.getValue(), frontendUrl.getValue(), secretValue(statusUserAgent)),
                    storageHostPath.getValue(), new StackSettingsChange.Registry(registryUrl.getValue(), registryUsername.getValue(),
                            secretValue(registryPassword), backendRepository.getValue(), frontendRepository.getValue())));
            show(result);
            for (PasswordField secret : new PasswordField[] {mongoUri, redisUri, statusUserAgent, registryPassword}) {
                secret.clear();
            }
            FormDialog.confirmDone("Stack settings saved");
        } catch (SettingsRefusedException refused) {
            refused.fieldErrors().forEach((name, message) -> {
                Component field = fields.get(name);
                if (field instanceof HasValidation validated) {
                    validated.setErrorMessage(message);
                    validated.setInvalid(true);
                }
            });
        }
    }

    private Card section(String title, Component test, Component... content) {
        FormLayout form = new FormLayout(content);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Card card = test == null ? new Card(title, form) : new Card(title, form, test);
        return card;
    }

    private Component check(String id, Supplier<CompletableFuture<ConnectionCheck>> test) {
        Span result = new Span();
        result.setId(id + "-result");
        result.addClassName("sk-check-result");
        Button button = new Button("Test connection");
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClickListener(e -> {
            UI ui = UI.getCurrent();
            button.setEnabled(false);
            result.setText("Testing…");
            result.getElement().getThemeList().clear();
            test.get().whenComplete((check, error) -> ui.access(() -> {
                button.setEnabled(true);
                boolean ok = check != null && check.ok();
                result.setText(check == null ? String.valueOf(error) : (ok ? "✓ " : "✗ ") + check.message() + " (" + check.millis() + " ms)");
                result.getElement().getThemeList().add(ok ? "badge success" : "badge error");
            }));
        });
        HorizontalLayout row = new HorizontalLayout(button, result);
        row.setAlignItems(Alignment.CENTER);
        return row;
    }

    private void showLookupFields() {
        boolean byName = lookup.getValue() != ContainerLookup.COMPOSE;
        backendContainer.setVisible(byName);
        frontendContainer.setVisible(byName);
        composeProject.setVisible(!byName);
        backendService.setVisible(!byName);
        frontendService.setVisible(!byName);
    }

    private TextField text(String name, String label, String placeholder) {
        TextField field = new TextField(label);
        field.setPlaceholder(placeholder);
        field.setId(name);
        field.setClearButtonVisible(true);
        fields.put(name, field);
        return field;
    }

    private PasswordField secret(String name, String label) {
        PasswordField field = new PasswordField(label);
        field.setId(name);
        field.setRevealButtonVisible(false);
        field.setHelperText("Not set");
        fields.put(name, field);
        return field;
    }

    private static void secretState(PasswordField field, boolean set) {
        field.setHelperText(set ? "Set. Type a new value to replace it." : "Not set");
        field.setPlaceholder(set ? "••••••••" : "");
    }

    private static String secretValue(PasswordField field) {
        return field.getValue().isEmpty() ? null : field.getValue();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
