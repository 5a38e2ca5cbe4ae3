package io.stackkeeper.stack;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Reads each component of the stack (engine, containers, MongoDB, Redis, release tags) within the timeout. */
@Component
record ComponentFacts(StackSettingsStore store, StackClients clients, BoundedCalls calls) {

    CompletableFuture<ComponentReading<EngineInfo>> engine() {
        return read(store.unsealed(), s -> clients.of(s).ping());
    }

    CompletableFuture<ComponentReading<ContainerFacts>> container(StackPart part) {
        return read(store.unsealed(), s -> container(s, part));
    }

    CompletableFuture<ComponentReading<MongoFacts>> mongo() {
        return read(store.unsealed(), this::mongoFacts);
    }

    CompletableFuture<ComponentReading<RedisFacts>> redis() {
        return read(store.unsealed(), this::redisFacts);
    }

    StackOverview overview() {
        Optional<UnsealedSettings> settings = store.unsealed();
        var engine = read(settings, s -> clients.of(s).ping());
        var backend = read(settings, s -> container(s, StackPart.BACKEND));
        var frontend = read(settings, s -> container(s, StackPart.FRONTEND));
        var mongo = read(settings, this::mongoFacts);
        var redis = read(settings, this::redisFacts);
        ComponentReading<ContainerFacts> b = backend.join();
        ComponentReading<ContainerFacts> f = frontend.join();
        return new StackOverview(settings.isPresent(), settings.map(UnsealedSettings::demo).orElse(false), engine.join(), b, f,
                mongo.join(), redis.join(), storageHostPath(settings.orElse(null), b.facts()), compatible(b.facts(), f.facts()),
                floating(b.facts()) || floating(f.facts()));
    }

    CompletableFuture<ComponentReading<ReleaseTags>> releaseTags() {
        return read(store.unsealed(), s -> new ReleaseTags(tags(s, s.backendRepository()), tags(s, s.frontendRepository())));
    }

    /** The part's container as the engine sees it now, found by name or by compose service. */
    ContainerFacts container(UnsealedSettings s, StackPart part) {
        boolean backend = part == StackPart.BACKEND;
        StackClient client = clients.of(s);
        Optional<ContainerFacts> found = s.lookupMode() == ContainerLookup.COMPOSE
                ? client.findByComposeService(s.composeProject(), backend ? s.backendService() : s.frontendService())
                : client.inspect(backend ? s.backendContainer() : s.frontendContainer());
        String what = s.lookupMode() == ContainerLookup.COMPOSE
                ? "service '" + (backend ? s.backendService() : s.frontendService()) + "' of project '" + s.composeProject() + "'"
                : "container '" + (backend ? s.backendContainer() : s.frontendContainer()) + "'";
        return found.orElseThrow(() -> new StackException("The engine has no " + what + "."));
    }

    /** Backend and frontend majors equal; {@code null} when either version is unknown. */
    static Boolean compatible(ContainerFacts backend, ContainerFacts frontend) {
        if (backend == null || frontend == null || backend.version() == null || frontend.version() == null) {
            return null;
        }
        return Version.parse(backend.version()).compatibleWith(Version.parse(frontend.version()));
    }

    /** The configured storage folder, or the one detected from the backend's mount at {@value StackService#STORAGE_MOUNT}. */
    static String storageHostPath(UnsealedSettings settings, ContainerFacts backend) {
        if (settings != null && settings.storageHostPath() != null) {
            return settings.storageHostPath();
        }
        return backend == null ? null : backend.hostPathOf(StackService.STORAGE_MOUNT).orElse(null);
    }

    private static boolean floating(ContainerFacts container) {
        return container != null && container.floatingTag();
    }

    private MongoFacts mongoFacts(UnsealedSettings s) {
        if (s.mongoUri() == null) {
            throw new StackException("No MongoDB URI is set.");
        }
        try (MongoAdmin mongo = new MongoAdmin(s.mongoUri(), calls.timeout())) {
            return mongo.facts();
        }
    }

    private RedisFacts redisFacts(UnsealedSettings s) {
        if (s.redisUri() == null) {
            throw new StackException("No Redis URI is set.");
        }
        return new RedisProbe(s.redisUri(), calls.timeout()).facts();
    }

    /** The registry's tags of the repository joined with those of images on the engine; an unreadable registry leaves the latter. */
    private List<String> tags(UnsealedSettings s, String repository) {
        Set<String> tags = new TreeSet<>();
        if (repository == null || repository.isBlank()) {
            return List.of();
        }
        if (s.registryUrl() != null && !s.registryUrl().isBlank()) {
            try {
                tags.addAll(new RegistryClient(s.registryUrl(), s.registryUsername(), s.registryPassword(), calls.timeout()).tags(repository.strip()));
            } catch (StackException e) {
                // the engine's images still count
            }
        }
        for (ImageFacts image : clients.of(s).listImages()) {
            for (String tag : image.tags()) {
                ImageReference reference = ImageReference.parse(tag);
                if (reference.repository().equals(repository.strip()) || reference.repository().endsWith("/" + repository.strip())) {
                    tags.add(reference.tag());
                }
            }
        }
        return List.copyOf(tags);
    }

    private <T> CompletableFuture<ComponentReading<T>> read(Optional<UnsealedSettings> settings, Function<UnsealedSettings, T> reader) {
        if (settings.isEmpty()) {
            return CompletableFuture.completedFuture(new ComponentReading<>(null, "The stack is not configured yet.", 0));
        }
        return calls.timed(() -> reader.apply(settings.get()));
    }
}
