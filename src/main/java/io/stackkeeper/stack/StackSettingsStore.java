package io.stackkeeper.stack;

import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.SecretCipher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The stack settings row: validated and stored with its secrets sealed, and opened again for one round of calls.
 * Transactions are the caller's ({@link StackService}).
 */
@Component
record StackSettingsStore(StackSettingsRepository repository, SecretCipher cipher, ApplicationEventPublisher events,
        Clock clock, StackClients clients, BoundedCalls calls) {

    boolean demo() {
        return repository.findById(StackSettings.SINGLETON).map(settings -> settings.demo).orElse(false);
    }

    boolean configured() {
        return repository.existsById(StackSettings.SINGLETON);
    }

    boolean configuredByUser() {
        return repository.findById(StackSettings.SINGLETON).map(settings -> !settings.demo).orElse(false);
    }

    Optional<SavedStackSettings> saved() {
        return repository.findById(StackSettings.SINGLETON).map(StackSettingsStore::view);
    }

    SavedStackSettings save(StackSettingsChange change) {
        Map<String, String> problems = new LinkedHashMap<>(StackSettingsRules.problems(change));
        if (problems.isEmpty()) {
            problems.putAll(unknownContainers(change));
        }
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        StackSettings settings = repository.findById(StackSettings.SINGLETON).orElseGet(StackSettings::new);
        List<String> changed = apply(settings, change);
        store(settings, false, RequestOrigin.actor());
        events.publishEvent(new StackSettingsChanged(changed));
        events.publishEvent(new StackSettingsSaved(false));
        return view(settings);
    }

    /** Stores the demo stack's settings (its ports change each start); never replaces settings someone made. */
    void saveDemo(StackSettingsChange change) {
        StackSettings settings = repository.findById(StackSettings.SINGLETON).orElseGet(StackSettings::new);
        if (settings.updatedBy != null && !settings.demo) {
            return;
        }
        apply(settings, change);
        store(settings, true, RequestOrigin.SYSTEM_ACTOR);
        events.publishEvent(new StackSettingsChanged(List.of("demo stack configured")));
        events.publishEvent(new StackSettingsSaved(true));
    }

    /** The settings with their secrets opened, if any are stored. */
    Optional<UnsealedSettings> unsealed() {
        return repository.findById(StackSettings.SINGLETON).map(s -> new UnsealedSettings(s.engineEndpoint, s.engineTlsPath,
                s.lookupMode, s.backendContainer, s.frontendContainer, s.composeProject, s.backendService, s.frontendService,
                open(s.mongoUriSealed, "mongoUri"), open(s.redisUriSealed, "redisUri"), s.backendUrl, s.frontendUrl,
                open(s.statusUserAgentSealed, "statusUserAgent"),
                s.storageHostPath, s.registryUrl, s.registryUsername, open(s.registryPasswordSealed, "registryPassword"), s.backendRepository,
                s.frontendRepository, s.demo));
    }

    /** Where the parts listen, with no credential in it. */
    Optional<StackEndpoints> endpoints() {
        return unsealed().map(s -> new StackEndpoints(s.backendUrl(), s.frontendUrl(), mongoHost(s.mongoUri()), redisHost(s.redisUri()),
                s.statusUserAgent() != null));
    }

    private static String mongoHost(String uri) {
        if (uri == null) {
            return null;
        }
        String host = new com.mongodb.ConnectionString(uri).getHosts().get(0);
        return host.contains(":") && !host.endsWith("]") ? host : host + ":27017";
    }

    private static String redisHost(String uri) {
        if (uri == null) {
            return null;
        }
        java.net.URI parsed = java.net.URI.create(uri);
        return parsed.getHost() + ":" + (parsed.getPort() < 0 ? 6379 : parsed.getPort());
    }

    /** The settings with their secrets opened, or a {@link StackException} saying the stack is not configured. */
    UnsealedSettings required() {
        return unsealed().orElseThrow(() -> new StackException("The stack is not configured yet."));
    }

    private void store(StackSettings settings, boolean demo, String actor) {
        settings.demo = demo;
        settings.updatedAt = clock.instant();
        settings.updatedBy = actor;
        repository.save(settings);
        clients.forget();
    }

    private Map<String, String> unknownContainers(StackSettingsChange change) {
        try (StackClient client = clients.open(change.engine().endpoint().strip(), StackSettingsRules.trim(change.engine().tlsPath()))) {
            Map<String, String> problems = new LinkedHashMap<>();
            calls.bounded(client::ping);
            if (change.containers().lookupMode() == ContainerLookup.COMPOSE) {
                String project = change.containers().composeProject().strip();
                requireService(client, project, "backendService", change.containers().backendService().strip(), problems);
                requireService(client, project, "frontendService", change.containers().frontendService().strip(), problems);
            } else {
                requireContainer(client, "backendContainer", change.containers().backendContainer().strip(), problems);
                requireContainer(client, "frontendContainer", change.containers().frontendContainer().strip(), problems);
            }
            return problems;
        } catch (StackException engineDown) {
            // an unreachable engine does not block saving: the stack page shows the failure
            return Map.of();
        }
    }

    private void requireService(StackClient client, String project, String field, String service, Map<String, String> problems) {
        if (calls.bounded(() -> client.findByComposeService(project, service)).isEmpty()) {
            problems.put(field, "No container of service '" + service + "' in project '" + project + "'.");
        }
    }

    private void requireContainer(StackClient client, String field, String name, Map<String, String> problems) {
        if (calls.bounded(() -> client.inspect(name)).isEmpty()) {
            problems.put(field, "The engine has no container named '" + name + "'.");
        }
    }

    private List<String> apply(StackSettings s, StackSettingsChange c) {
        List<String> changed = new ArrayList<>();
        s.engineEndpoint = track(changed, "engineEndpoint", s.engineEndpoint, StackSettingsRules.trim(c.engine().endpoint()));
        s.engineTlsPath = track(changed, "engineTlsPath", s.engineTlsPath, StackSettingsRules.trim(c.engine().tlsPath()));
        ContainerLookup lookup = c.containers().lookupMode() == null ? ContainerLookup.NAME : c.containers().lookupMode();
        if (s.lookupMode != lookup) {
            changed.add("lookupMode");
            s.lookupMode = lookup;
        }
        s.backendContainer = track(changed, "backendContainer", s.backendContainer, StackSettingsRules.trim(c.containers().backendContainer()));
        s.frontendContainer = track(changed, "frontendContainer", s.frontendContainer, StackSettingsRules.trim(c.containers().frontendContainer()));
        s.composeProject = track(changed, "composeProject", s.composeProject, StackSettingsRules.trim(c.containers().composeProject()));
        s.backendService = track(changed, "backendService", s.backendService, StackSettingsRules.trim(c.containers().backendService()));
        s.frontendService = track(changed, "frontendService", s.frontendService, StackSettingsRules.trim(c.containers().frontendService()));
        s.backendUrl = track(changed, "backendUrl", s.backendUrl, StackSettingsRules.trim(c.urls().backendUrl()));
        s.frontendUrl = track(changed, "frontendUrl", s.frontendUrl, StackSettingsRules.trim(c.urls().frontendUrl()));
        s.storageHostPath = track(changed, "storageHostPath", s.storageHostPath, StackSettingsRules.trim(c.storageHostPath()));
        s.registryUrl = track(changed, "registryUrl", s.registryUrl, StackSettingsRules.trim(c.registry().url()));
        s.registryUsername = track(changed, "registryUsername", s.registryUsername, StackSettingsRules.trim(c.registry().username()));
        s.backendRepository = track(changed, "backendRepository", s.backendRepository, StackSettingsRules.trim(c.registry().backendRepository()));
        s.frontendRepository = track(changed, "frontendRepository", s.frontendRepository, StackSettingsRules.trim(c.registry().frontendRepository()));
        s.mongoUriSealed = seal(changed, "mongoUri", s.mongoUriSealed, c.databases().mongoUri());
        s.redisUriSealed = seal(changed, "redisUri", s.redisUriSealed, c.databases().redisUri());
        s.statusUserAgentSealed = seal(changed, "statusUserAgent", s.statusUserAgentSealed, c.urls().statusUserAgent());
        s.registryPasswordSealed = seal(changed, "registryPassword", s.registryPasswordSealed, c.registry().password());
        return changed;
    }

    private static String track(List<String> changed, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }

    private String seal(List<String> changed, String field, String sealedBefore, String newValue) {
        if (newValue == null) {
            return sealedBefore;
        }
        changed.add(field + " (secret)");
        return newValue.isBlank() ? null : cipher.encrypt(newValue.strip(), field);
    }

    private String open(String sealed, String field) {
        return sealed == null ? null : cipher.decrypt(sealed, field);
    }

    private static SavedStackSettings view(StackSettings s) {
        return new SavedStackSettings(s.engineEndpoint, s.engineTlsPath, s.lookupMode, s.backendContainer, s.frontendContainer,
                s.composeProject, s.backendService, s.frontendService, s.mongoUriSealed != null, s.redisUriSealed != null,
                s.backendUrl, s.frontendUrl, s.statusUserAgentSealed != null, s.storageHostPath, s.registryUrl,
                s.registryUsername, s.registryPasswordSealed != null, s.backendRepository, s.frontendRepository, s.demo,
                s.updatedAt, s.updatedBy);
    }

    private record StackSettingsChanged(List<String> fields) implements AuditableEvent {
        public String action() {
            return "stack.settings-changed";
        }

        public String target() {
            return "stack settings";
        }

        public Map<String, Object> details() {
            return Map.of("changed", fields);
        }
    }
}
