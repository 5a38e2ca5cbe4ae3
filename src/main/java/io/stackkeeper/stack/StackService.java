package io.stackkeeper.stack;

import io.stackkeeper.base.DaemonThreads;
import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.SecretCipher;
import io.stackkeeper.security.Roles;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stack feature's one public service: stack settings (secrets sealed at rest), "Test connection" for each part,
 * and the facts of every component, each read off the caller's thread within the configured timeout.
 */
@Service
public class StackService {

    /** Where the backend keeps its data inside its container. */
    public static final String STORAGE_MOUNT = "/app/storage";

    private final StackSettingsRepository repository;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService io;
    private volatile CachedClient cachedClient;
    private final StackClaims claims;

    StackService(StackSettingsRepository repository, SecretCipher cipher, ApplicationEventPublisher events,
            StackProperties properties, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.events = events;
        this.timeout = properties.timeout();
        this.clock = clock;
        this.claims = new StackClaims(clock);
        this.io = Executors.newFixedThreadPool(8, DaemonThreads.named("stack-io"));
    }

    /** Whether the configured stack is the demo stack. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean demo() {
        return repository.findById(StackSettings.SINGLETON).map(settings -> settings.demo).orElse(false);
    }

    /** Whether stack settings exist. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean configured() {
        return repository.existsById(StackSettings.SINGLETON);
    }

    /** The stored settings without secret values, if any. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public Optional<SavedStackSettings> settings() {
        return repository.findById(StackSettings.SINGLETON).map(StackService::view);
    }

    /**
     * Validates and stores new settings; every change is audited by field name (secret values never).
     *
     * @throws SettingsRefusedException with a message per refused field
     */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public SavedStackSettings saveSettings(StackSettingsChange change) {
        Map<String, String> problems = new java.util.LinkedHashMap<>(StackSettingsRules.problems(change));
        if (problems.isEmpty()) {
            problems.putAll(unknownContainers(change));
        }
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        StackSettings settings = repository.findById(StackSettings.SINGLETON).orElseGet(StackSettings::new);
        List<String> changed = apply(settings, change);
        settings.demo = false;
        settings.updatedAt = clock.instant();
        settings.updatedBy = RequestOrigin.actor();
        repository.save(settings);
        cachedClient = null;
        events.publishEvent(new StackSettingsChanged(changed));
        events.publishEvent(new StackSettingsSaved(false));
        return view(settings);
    }

    /** Whether someone configured a stack other than the demo. */
    @Transactional(readOnly = true)
    boolean configuredByUser() {
        return repository.findById(StackSettings.SINGLETON).map(settings -> !settings.demo).orElse(false);
    }

    /** Stores the demo stack's settings (its ports change each start); never replaces settings someone made. */
    @Transactional
    void saveDemoSettings(StackSettingsChange change) {
        StackSettings settings = repository.findById(StackSettings.SINGLETON).orElseGet(StackSettings::new);
        if (settings.updatedBy != null && !settings.demo) {
            return;
        }
        apply(settings, change);
        settings.demo = true;
        settings.updatedAt = clock.instant();
        settings.updatedBy = RequestOrigin.SYSTEM_ACTOR;
        repository.save(settings);
        cachedClient = null;
        events.publishEvent(new StackSettingsChanged(List.of("demo stack configured")));
        events.publishEvent(new StackSettingsSaved(true));
    }

    private Map<String, String> unknownContainers(StackSettingsChange change) {
        try (StackClient client = new DockerStackClient(change.engineEndpoint().strip(), StackSettingsRules.trim(change.engineTlsPath()), timeout)) {
            Map<String, String> problems = new java.util.LinkedHashMap<>();
            bounded(() -> {
                client.ping();
                return null;
            });
            if (change.lookupMode() == ContainerLookup.COMPOSE) {
                String project = change.composeProject().strip();
                if (bounded(() -> client.findByComposeService(project, change.backendService().strip())).isEmpty()) {
                    problems.put("backendService", "No container of service '" + change.backendService().strip() + "' in project '" + project + "'.");
                }
                if (bounded(() -> client.findByComposeService(project, change.frontendService().strip())).isEmpty()) {
                    problems.put("frontendService", "No container of service '" + change.frontendService().strip() + "' in project '" + project + "'.");
                }
            } else {
                if (bounded(() -> client.inspect(change.backendContainer().strip())).isEmpty()) {
                    problems.put("backendContainer", "The engine has no container named '" + change.backendContainer().strip() + "'.");
                }
                if (bounded(() -> client.inspect(change.frontendContainer().strip())).isEmpty()) {
                    problems.put("frontendContainer", "The engine has no container named '" + change.frontendContainer().strip() + "'.");
                }
            }
            return problems;
        } catch (StackException engineDown) {
            // an unreachable engine does not block saving: the stack page shows the failure
            return Map.of();
        }
    }

    private List<String> apply(StackSettings s, StackSettingsChange c) {
        List<String> changed = new ArrayList<>();
        s.engineEndpoint = track(changed, "engineEndpoint", s.engineEndpoint, StackSettingsRules.trim(c.engineEndpoint()));
        s.engineTlsPath = track(changed, "engineTlsPath", s.engineTlsPath, StackSettingsRules.trim(c.engineTlsPath()));
        ContainerLookup lookup = c.lookupMode() == null ? ContainerLookup.NAME : c.lookupMode();
        if (s.lookupMode != lookup) {
            changed.add("lookupMode");
            s.lookupMode = lookup;
        }
        s.backendContainer = track(changed, "backendContainer", s.backendContainer, StackSettingsRules.trim(c.backendContainer()));
        s.frontendContainer = track(changed, "frontendContainer", s.frontendContainer, StackSettingsRules.trim(c.frontendContainer()));
        s.composeProject = track(changed, "composeProject", s.composeProject, StackSettingsRules.trim(c.composeProject()));
        s.backendService = track(changed, "backendService", s.backendService, StackSettingsRules.trim(c.backendService()));
        s.frontendService = track(changed, "frontendService", s.frontendService, StackSettingsRules.trim(c.frontendService()));
        s.backendUrl = track(changed, "backendUrl", s.backendUrl, StackSettingsRules.trim(c.backendUrl()));
        s.frontendUrl = track(changed, "frontendUrl", s.frontendUrl, StackSettingsRules.trim(c.frontendUrl()));
        s.storageHostPath = track(changed, "storageHostPath", s.storageHostPath, StackSettingsRules.trim(c.storageHostPath()));
        s.registryUrl = track(changed, "registryUrl", s.registryUrl, StackSettingsRules.trim(c.registryUrl()));
        s.registryUsername = track(changed, "registryUsername", s.registryUsername, StackSettingsRules.trim(c.registryUsername()));
        s.backendRepository = track(changed, "backendRepository", s.backendRepository, StackSettingsRules.trim(c.backendRepository()));
        s.frontendRepository = track(changed, "frontendRepository", s.frontendRepository, StackSettingsRules.trim(c.frontendRepository()));
        s.mongoUriSealed = seal(changed, "mongoUri", s.mongoUriSealed, c.mongoUri());
        s.redisUriSealed = seal(changed, "redisUri", s.redisUriSealed, c.redisUri());
        s.statusUserAgentSealed = seal(changed, "statusUserAgent", s.statusUserAgentSealed, c.statusUserAgent());
        s.registryPasswordSealed = seal(changed, "registryPassword", s.registryPasswordSealed, c.registryPassword());
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

    private Optional<StackSnapshot> snapshot() {
        return repository.findById(StackSettings.SINGLETON).map(s -> new StackSnapshot(s.engineEndpoint, s.engineTlsPath,
                s.lookupMode, s.backendContainer, s.frontendContainer, s.composeProject, s.backendService, s.frontendService,
                open(s.mongoUriSealed, "mongoUri"), open(s.redisUriSealed, "redisUri"), s.backendUrl, s.frontendUrl,
                open(s.statusUserAgentSealed, "statusUserAgent"),
                s.storageHostPath, s.registryUrl, s.registryUsername, open(s.registryPasswordSealed, "registryPassword"), s.backendRepository,
                s.frontendRepository, s.demo));
    }

    // ---- Test connection -------------------------------------------------------------------------------------

    /** Reaches the engine at this endpoint: its product, version and API version, or the exact failure. */
    @PreAuthorize(Roles.IS_ADMIN)
    public CompletableFuture<ConnectionCheck> testEngine(String endpoint, String tlsPath) {
        Map<String, String> problems = StackSettingsRules.problems(new StackSettingsChange(endpoint, tlsPath, ContainerLookup.NAME,
                "x", "x", null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        if (!problems.isEmpty()) {
            return CompletableFuture.completedFuture(new ConnectionCheck(false, String.join(" ", problems.values()), 0));
        }
        return check(() -> {
            try (StackClient client = new DockerStackClient(endpoint.strip(), StackSettingsRules.trim(tlsPath), timeout)) {
                EngineInfo engine = client.ping();
                return "Reachable: " + engine.product() + " " + engine.version() + " (API " + engine.apiVersion() + ").";
            }
        });
    }

    /** Connects to MongoDB with this URI, or the stored one when {@code uri} is null: version and auth, or the failure. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testMongo(String uri) {
        String target = uri != null && !uri.isBlank() ? uri.strip() : snapshot().map(StackSnapshot::mongoUri).orElse(null);
        if (target == null) {
            return CompletableFuture.completedFuture(new ConnectionCheck(false, "No MongoDB URI is set.", 0));
        }
        return check(() -> {
            try (MongoAdmin mongo = new MongoAdmin(target, timeout)) {
                String version = mongo.version();
                boolean authenticated = new com.mongodb.ConnectionString(target).getCredential() != null;
                return "Reachable: MongoDB " + version + ", featureCompatibilityVersion " + mongo.featureCompatibilityVersion()
                        + (authenticated ? ", authentication ok." : ", no credentials in the URI.");
            }
        });
    }

    /** PING and INFO with this URI, or the stored one when {@code uri} is null. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testRedis(String uri) {
        String target = uri != null && !uri.isBlank() ? uri.strip() : snapshot().map(StackSnapshot::redisUri).orElse(null);
        if (target == null) {
            return CompletableFuture.completedFuture(new ConnectionCheck(false, "No Redis URI is set.", 0));
        }
        return check(() -> {
            RedisFacts redis = new RedisProbe(target, timeout).facts();
            return "Reachable: Redis " + redis.version() + ", " + redis.usedMemoryHuman() + " used, "
                    + redis.connectedClients() + " clients.";
        });
    }

    /** Lists tags of the backend repository (or just the v2 API) with these credentials; a null password uses the stored one. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testRegistry(String url, String username, String password, String repository) {
        Optional<StackSnapshot> stored = snapshot();
        String secret = password != null ? password : stored.map(StackSnapshot::registryPassword).orElse(null);
        return check(() -> {
            RegistryClient registry = new RegistryClient(url, username, secret, timeout);
            if (repository == null || repository.isBlank()) {
                return registry.check() + ".";
            }
            List<String> tags = registry.tags(repository.strip());
            long pinned = tags.stream().filter(t -> ImageReference.parse("x:" + t).version().isPresent()).count();
            return "Reachable: " + repository.strip() + " has " + tags.size() + " tags (" + pinned + " pinned versions).";
        });
    }

    /** GET {@code /} and {@code /status} of the backend; a null URL or User-Agent means the stored one. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testBackend(String url, String userAgent) {
        Optional<StackSnapshot> stored = snapshot();
        String agent = userAgent != null && !userAgent.isBlank() ? userAgent.strip() : stored.map(StackSnapshot::statusUserAgent).orElse(null);
        String base = url != null && !url.isBlank() ? url : stored.map(StackSnapshot::backendUrl).orElse(null);
        return check(() -> {
            HttpResponse<String> root = get(base, "/", null);
            HttpResponse<String> status = get(base, "/status", agent);
            String rootPart = "/ answered " + root.statusCode();
            return switch (status.statusCode()) {
                case 200 -> "Reachable: " + rootPart + ", /status answered 200 with the configured User-Agent.";
                case 403 -> throw new StackException(rootPart + ", but /status refused the User-Agent (403): check the status-page User-Agent.");
                default -> throw new StackException(rootPart + ", but /status answered " + status.statusCode() + ".");
            };
        });
    }

    /** GET {@code /tucana-version.txt} of the frontend. */
    @PreAuthorize(Roles.IS_ADMIN)
    public CompletableFuture<ConnectionCheck> testFrontend(String url) {
        return check(() -> {
            HttpResponse<String> version = get(url, "/tucana-version.txt", null);
            if (version.statusCode() != 200) {
                throw new StackException("/tucana-version.txt answered " + version.statusCode() + ".");
            }
            return "Reachable: frontend version " + version.body().strip() + ".";
        });
    }

    private HttpResponse<String> get(String base, String path, String userAgent) {
        if (base == null || base.isBlank()) {
            throw new StackException("No URL is set.");
        }
        String url = base.strip().replaceAll("/+$", "") + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        try {
            return HttpClient.newBuilder().connectTimeout(timeout).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new StackException(url + " is not reachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while calling " + url + ".");
        }
    }

    /** Runs a probe on the I/O pool; the result says what was reached or the exact failure, within the timeout. */
    private CompletableFuture<ConnectionCheck> check(Supplier<String> probe) {
        return timed(probe).thenApply(result -> new ConnectionCheck(result.ok(), result.ok() ? result.facts() : result.error(), result.millis()));
    }

    /** Runs a blocking call on the I/O pool and gives up after the timeout, so no caller ever waits longer. */
    private <T> T bounded(Supplier<T> call) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(call, io);
        try {
            return future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StackException("No answer within " + timeout.toSeconds() + " s.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackException stack) {
                throw stack;
            }
            throw new StackException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted.");
        }
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    // ---- Component facts -------------------------------------------------------------------------------------

    /** The engine's identity; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<StackFacts<EngineInfo>> engine() {
        return read(snapshot(), s -> client(s).ping());
    }

    /** The backend container; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<StackFacts<ContainerFacts>> backend() {
        return read(snapshot(), s -> container(s, true));
    }

    /** The frontend container; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<StackFacts<ContainerFacts>> frontend() {
        return read(snapshot(), s -> container(s, false));
    }

    /** MongoDB's version, FCV and databases; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<StackFacts<MongoFacts>> mongo() {
        return read(snapshot(), this::mongoFacts);
    }

    /** Redis INFO; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<StackFacts<RedisFacts>> redis() {
        return read(snapshot(), this::redisFacts);
    }

    private MongoFacts mongoFacts(StackSnapshot s) {
        if (s.mongoUri() == null) {
            throw new StackException("No MongoDB URI is set.");
        }
        try (MongoAdmin mongo = new MongoAdmin(s.mongoUri(), timeout)) {
            return mongo.facts();
        }
    }

    private RedisFacts redisFacts(StackSnapshot s) {
        if (s.redisUri() == null) {
            throw new StackException("No Redis URI is set.");
        }
        return new RedisProbe(s.redisUri(), timeout).facts();
    }

    /** Every component at once, each with its own error, as the API returns it. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public StackOverview overview() {
        Optional<StackSnapshot> snapshot = snapshot();
        var engine = read(snapshot, s -> client(s).ping());
        var backend = read(snapshot, s -> container(s, true));
        var frontend = read(snapshot, s -> container(s, false));
        var mongo = read(snapshot, this::mongoFacts);
        var redis = read(snapshot, this::redisFacts);
        StackFacts<ContainerFacts> b = backend.join();
        StackFacts<ContainerFacts> f = frontend.join();
        return new StackOverview(snapshot.isPresent(), snapshot.map(StackSnapshot::demo).orElse(false), engine.join(), b, f,
                mongo.join(), redis.join(), storageHostPath(snapshot.orElse(null), b.facts()), compatible(b.facts(), f.facts()),
                floating(b.facts()) || floating(f.facts()));
    }

    /**
     * Tags of the backend and frontend repositories: the registry's tag lists joined with the tags of images present
     * on the engine. A registry that cannot be read leaves only the engine's tags; completes within the timeout.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<StackFacts<ReleaseTags>> releaseTags() {
        return read(snapshot(), s -> new ReleaseTags(tags(s, s.backendRepository()), tags(s, s.frontendRepository())));
    }

    private List<String> tags(StackSnapshot s, String repository) {
        java.util.Set<String> tags = new java.util.TreeSet<>();
        if (repository == null || repository.isBlank()) {
            return List.of();
        }
        if (s.registryUrl() != null && !s.registryUrl().isBlank()) {
            try {
                tags.addAll(new RegistryClient(s.registryUrl(), s.registryUsername(), s.registryPassword(), timeout).tags(repository.strip()));
            } catch (StackException e) {
                // the engine's images still count
            }
        }
        for (ImageFacts image : client(s).listImages()) {
            for (String tag : image.tags()) {
                ImageReference reference = ImageReference.parse(tag);
                if (reference.repository().equals(repository.strip()) || reference.repository().endsWith("/" + repository.strip())) {
                    tags.add(reference.tag());
                }
            }
        }
        return List.copyOf(tags);
    }

    // ---- Work on the stack: backups, restores, upgrades ------------------------------------------------------

    /**
     * Claims the stack for a piece of work; shared work (backups, drills) runs side by side, exclusive work (restore,
     * upgrade) alone. Refused with {@link StackBusyException} naming what runs.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public StackClaim claim(String work, boolean exclusive) {
        return claims.claim(work, exclusive);
    }

    /** What holds the stack right now, e.g. {@code restore of set ...}; empty when idle. */
    public List<String> runningWork() {
        return claims.running();
    }

    /** The stack's name as people type it to confirm a restore: the compose project, else the backend container. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<String> stackName() {
        return snapshot().map(s -> s.lookupMode() == ContainerLookup.COMPOSE ? s.composeProject() : s.backendContainer());
    }

    /**
     * A client of the stack's MongoDB for long work (dumps, restores): connecting is bounded by the configured
     * timeout, reading is not. The caller closes it.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public com.mongodb.client.MongoClient openMongo() {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        if (s.mongoUri() == null) {
            throw new StackException("No MongoDB URI is set in the stack settings.");
        }
        return MongoAdmin.longWorkClient(s.mongoUri(), timeout);
    }

    /**
     * The storage folder on the portal's host: the configured one, else the backend's mount at {@value #STORAGE_MOUNT}.
     * Not transactional, so a caller inside a transaction may catch its failure (an unreachable backend) and go on.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public Optional<java.nio.file.Path> storageFolder() {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        if (s.storageHostPath() != null) {
            return Optional.of(java.nio.file.Path.of(s.storageHostPath()));
        }
        return Optional.ofNullable(storageHostPath(s, bounded(() -> container(s, true)))).map(java.nio.file.Path::of);
    }

    /** Stops the backend container, giving it {@code grace} to finish. */
    @PreAuthorize(Roles.IS_ADMIN)
    public void stopBackend(Duration grace) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        ContainerFacts backend = bounded(() -> container(s, true));
        client(s).stop(backend.id(), grace);
    }

    /** Starts the backend container again as it is (a restore that stopped it and changed nothing puts it back). */
    @PreAuthorize(Roles.IS_ADMIN)
    public void startBackend() {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        ContainerFacts backend = bounded(() -> container(s, true));
        client(s).start(backend.id());
    }

    /**
     * Recreates the backend container from its own image with all its configuration, but {@code storage} (when not
     * null) mounted at {@value #STORAGE_MOUNT}, and starts it.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public ContainerFacts recreateBackendWithStorage(java.nio.file.Path storage, Duration grace) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        ContainerFacts backend = bounded(() -> container(s, true));
        return client(s).recreate(backend.id(), backend.image(), grace,
                storage == null ? Map.of() : Map.of(STORAGE_MOUNT, storage.toString()));
    }

    /**
     * Waits until the backend answers 200 on {@code /} and on {@code /status} (with the configured User-Agent);
     * fails with the last answer seen when {@code limit} passes.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public void awaitBackendHealthy(Duration limit) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        await("backend", limit, () -> firstRefusal(s.backendUrl(), s.statusUserAgent(), "/", "/status"));
    }

    /** Waits until the frontend answers 200 on {@code /} and on {@code /tucana-version.txt}. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public void awaitFrontendHealthy(Duration limit) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        await("frontend", limit, () -> firstRefusal(s.frontendUrl(), null, "/", "/tucana-version.txt"));
    }

    /** The first of the paths that does not answer 200 ({@code /status answered 503}), or null when all do. */
    private String firstRefusal(String base, String userAgent, String... paths) {
        for (String path : paths) {
            int status = get(base, path, userAgent).statusCode();
            if (status != 200) {
                return path + " answered " + status;
            }
        }
        return null;
    }

    /** Polls {@code problem} (null when healthy) every 250 ms until it is healthy, or fails with the last problem. */
    private static void await(String what, Duration limit, Supplier<String> problem) {
        long deadline = System.nanoTime() + limit.toNanos();
        String last;
        while (true) {
            try {
                last = problem.get();
                if (last == null) {
                    return;
                }
            } catch (StackException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("The " + what + " was not healthy within " + limit.toSeconds() + " s: " + last + ".");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for the " + what + ".");
            }
        }
    }

    /** The backend's or frontend's container as the engine sees it now. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public ContainerFacts container(StackPart part) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        return bounded(() -> container(s, part == StackPart.BACKEND));
    }

    /**
     * Makes the part's repository at {@code tag} present on the engine, pulling it when missing, and answers the image
     * reference. A pull failure changes nothing.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public String pullRelease(StackPart part, String tag, Duration timeout) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        ContainerFacts current = bounded(() -> container(s, part == StackPart.BACKEND));
        String image = ImageReference.parse(current.image()).withTag(tag).toString();
        StackClient client = client(s);
        if (!client.imagePresent(image)) {
            client.pull(image, timeout);
        }
        return image;
    }

    /**
     * Recreates the part's container from {@code image} keeping its name, environment, mounts, ports, networks, labels
     * and restart policy, and starts it. With {@code imageId}, the reference is first made to point at exactly that
     * image (a rollback to the image that ran before, even if its tag has moved since) and the result is checked. Only
     * under an exclusive claim of the stack (an upgrade's), so nothing else runs meanwhile.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public ContainerFacts replaceImage(StackClaim claim, StackPart part, String image, String imageId, Duration grace) {
        claims.requireExclusive(claim);
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        StackClient client = client(s);
        ContainerFacts current = bounded(() -> container(s, part == StackPart.BACKEND));
        if (imageId != null && !client.imageId(image).map(imageId::equals).orElse(false)) {
            if (client.imageId(imageId).isEmpty()) {
                throw new StackException("The image " + imageId + " that ran before is no longer on the engine.");
            }
            ImageReference reference = ImageReference.parse(image);
            client.tag(imageId, (reference.registry() == null ? "" : reference.registry() + "/") + reference.repository(), reference.tag());
        }
        ContainerFacts replaced = client.recreate(current.id(), image, grace, Map.of());
        if (imageId != null && !imageId.equals(replaced.imageId())) {
            throw new StackException("The " + part.label() + " runs " + replaced.imageId() + ", not " + imageId + ".");
        }
        return replaced;
    }

    /** The last {@code lines} lines of the part's container output. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public List<String> logTail(StackPart part, int lines) {
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        return client(s).logTail(bounded(() -> container(s, part == StackPart.BACKEND)).id(), lines);
    }

    /** Sets MongoDB's featureCompatibilityVersion ({@code 4.4}); only under an exclusive claim of the stack (an upgrade's). */
    @PreAuthorize(Roles.IS_ADMIN)
    public void setFeatureCompatibilityVersion(StackClaim claim, String version) {
        claims.requireExclusive(claim);
        StackSnapshot s = snapshot().orElseThrow(() -> new StackException("The stack is not configured yet."));
        if (s.mongoUri() == null) {
            throw new StackException("No MongoDB URI is set in the stack settings.");
        }
        try (MongoAdmin mongo = new MongoAdmin(s.mongoUri(), timeout)) {
            mongo.setFeatureCompatibilityVersion(version);
        }
    }

    /** Backend and frontend majors equal; {@code null} when either version is unknown. */
    public static Boolean compatible(ContainerFacts backend, ContainerFacts frontend) {
        if (backend == null || frontend == null || backend.version() == null || frontend.version() == null) {
            return null;
        }
        return Version.parse(backend.version()).compatibleWith(Version.parse(frontend.version()));
    }

    private static boolean floating(ContainerFacts container) {
        return container != null && container.floatingTag();
    }

    /** The configured storage folder, or the one detected from the backend's mount at {@value #STORAGE_MOUNT}. */
    private static String storageHostPath(StackSnapshot settings, ContainerFacts backend) {
        if (settings != null && settings.storageHostPath() != null) {
            return settings.storageHostPath();
        }
        return backend == null ? null : backend.hostPathOf(STORAGE_MOUNT).orElse(null);
    }

    private ContainerFacts container(StackSnapshot s, boolean backend) {
        StackClient client = client(s);
        Optional<ContainerFacts> found = s.lookupMode() == ContainerLookup.COMPOSE
                ? client.findByComposeService(s.composeProject(), backend ? s.backendService() : s.frontendService())
                : client.inspect(backend ? s.backendContainer() : s.frontendContainer());
        String what = s.lookupMode() == ContainerLookup.COMPOSE
                ? "service '" + (backend ? s.backendService() : s.frontendService()) + "' of project '" + s.composeProject() + "'"
                : "container '" + (backend ? s.backendContainer() : s.frontendContainer()) + "'";
        return found.orElseThrow(() -> new StackException("The engine has no " + what + "."));
    }

    private <T> CompletableFuture<StackFacts<T>> read(Optional<StackSnapshot> snapshot, Function<StackSnapshot, T> reader) {
        if (snapshot.isEmpty()) {
            return CompletableFuture.completedFuture(new StackFacts<>(null, "The stack is not configured yet.", 0));
        }
        return timed(() -> reader.apply(snapshot.get()));
    }

    /** Runs a blocking call on the I/O pool, gives up after the timeout, and says how long it took or why it failed. */
    private <T> CompletableFuture<StackFacts<T>> timed(Supplier<T> call) {
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(call, io)
                .orTimeout(timeout.toMillis() + 250, TimeUnit.MILLISECONDS)
                .handle((facts, error) -> error == null
                        ? new StackFacts<>(facts, null, elapsed(start))
                        : new StackFacts<>(null, describe(error), elapsed(start)));
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "No answer within " + timeout.toSeconds() + " s.";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One engine client per endpoint, replaced when the settings change. */
    StackClient client(StackSnapshot s) {
        CachedClient current = cachedClient;
        String key = s.engineEndpoint() + "|" + s.engineTlsPath();
        if (current == null || !current.key().equals(key)) {
            current = new CachedClient(key, new DockerStackClient(s.engineEndpoint(), s.engineTlsPath(), timeout));
            cachedClient = current;
        }
        return current.client();
    }

    @PreDestroy
    void shutdown() {
        io.shutdownNow();
        CachedClient current = cachedClient;
        if (current != null) {
            current.client().close();
        }
    }

    private record CachedClient(String key, StackClient client) {
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
