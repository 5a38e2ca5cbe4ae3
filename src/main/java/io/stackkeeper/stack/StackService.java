package io.stackkeeper.stack;

import io.stackkeeper.security.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stack feature's public face and its security gate: stack settings (secrets sealed at rest), "Test connection"
 * for each part, the facts of every component, each read off the caller's thread within the configured timeout, and
 * the operations backups, restores and upgrades perform on the stack. The work is done by package-private classes,
 * one job each: {@link StackSettingsStore}, {@link ConnectionTests}, {@link ComponentFacts}, {@link StackOperations},
 * {@link HealthWaits}, with {@link BoundedCalls} and {@link StackClients} under them.
 */
@Service
public class StackService {

    /** Where the backend keeps its data inside its container. */
    public static final String STORAGE_MOUNT = "/app/storage";

    private final StackSettingsStore store;
    private final ConnectionTests connectionTests;
    private final ComponentFacts facts;
    private final StackOperations operations;
    private final HealthWaits healthWaits;

    StackService(StackSettingsStore store, ConnectionTests connectionTests, ComponentFacts facts, StackOperations operations,
            HealthWaits healthWaits) {
        this.store = store;
        this.connectionTests = connectionTests;
        this.facts = facts;
        this.operations = operations;
        this.healthWaits = healthWaits;
    }

    // ---- Settings ----------------------------------------------------------------------------------------------

    /** Whether the configured stack is the demo stack. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean demo() {
        return store.demo();
    }

    /** Whether stack settings exist. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean configured() {
        return store.configured();
    }

    /** The stored settings without secret values, if any. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public Optional<SavedStackSettings> settings() {
        return store.saved();
    }

    /**
     * Validates and stores new settings; every change is audited by field name (secret values never).
     *
     * @throws SettingsRefusedException with a message per refused field
     */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public SavedStackSettings saveSettings(StackSettingsChange change) {
        return store.save(change);
    }

    /** Whether someone configured a stack other than the demo. */
    @Transactional(readOnly = true)
    boolean configuredByUser() {
        return store.configuredByUser();
    }

    /** Stores the demo stack's settings (its ports change each start); never replaces settings someone made. */
    @Transactional
    void saveDemoSettings(StackSettingsChange change) {
        store.saveDemo(change);
    }

    /** Where the backend, frontend, MongoDB and Redis listen, without credentials, if the stack is configured. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<StackEndpoints> endpoints() {
        return store.endpoints();
    }

    /** The User-Agent the backend's {@code /status} requires (a secret of the settings), for the portal's own probes. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public Optional<String> statusUserAgent() {
        return store.unsealed().map(UnsealedSettings::statusUserAgent);
    }

    // ---- Test connection ---------------------------------------------------------------------------------------

    /** Reaches the engine at this endpoint: its product, version and API version, or the exact failure. */
    @PreAuthorize(Roles.IS_ADMIN)
    public CompletableFuture<ConnectionCheck> testEngine(String endpoint, String tlsPath) {
        return connectionTests.engine(endpoint, tlsPath);
    }

    /** Connects to MongoDB with this URI, or the stored one when {@code uri} is null: version and auth, or the failure. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testMongo(String uri) {
        return connectionTests.mongo(uri);
    }

    /** PING and INFO with this URI, or the stored one when {@code uri} is null. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testRedis(String uri) {
        return connectionTests.redis(uri);
    }

    /** Lists tags of the backend repository (or just the v2 API) with these credentials; a null password uses the stored one. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testRegistry(String url, String username, String password, String repository) {
        return connectionTests.registry(url, username, password, repository);
    }

    /** GET {@code /} and {@code /status} of the backend; a null URL or User-Agent means the stored one. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional(readOnly = true)
    public CompletableFuture<ConnectionCheck> testBackend(String url, String userAgent) {
        return connectionTests.backend(url, userAgent);
    }

    /** GET {@code /tucana-version.txt} of the frontend. */
    @PreAuthorize(Roles.IS_ADMIN)
    public CompletableFuture<ConnectionCheck> testFrontend(String url) {
        return connectionTests.frontend(url);
    }

    // ---- Component facts ---------------------------------------------------------------------------------------

    /** The engine's identity; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<ComponentReading<EngineInfo>> engine() {
        return facts.engine();
    }

    /** The backend container; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<ComponentReading<ContainerFacts>> backend() {
        return facts.container(StackPart.BACKEND);
    }

    /** The frontend container; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<ComponentReading<ContainerFacts>> frontend() {
        return facts.container(StackPart.FRONTEND);
    }

    /** MongoDB's version, FCV and databases; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<ComponentReading<MongoFacts>> mongo() {
        return facts.mongo();
    }

    /** Redis INFO; completes within the timeout. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<ComponentReading<RedisFacts>> redis() {
        return facts.redis();
    }

    /** Every component at once, each with its own error, as the API returns it. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public StackOverview overview() {
        return facts.overview();
    }

    /**
     * Tags of the backend and frontend repositories: the registry's tag lists joined with the tags of images present
     * on the engine. A registry that cannot be read leaves only the engine's tags; completes within the timeout.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public CompletableFuture<ComponentReading<ReleaseTags>> releaseTags() {
        return facts.releaseTags();
    }

    /** The backend's or frontend's container as the engine sees it now. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public ContainerFacts container(StackPart part) {
        return operations.container(part);
    }

    /** Backend and frontend majors equal; {@code null} when either version is unknown. */
    public static Boolean compatible(ContainerFacts backend, ContainerFacts frontend) {
        return ComponentFacts.compatible(backend, frontend);
    }

    // ---- Work on the stack: backups, restores, upgrades --------------------------------------------------------

    /**
     * Claims the stack for a piece of work; shared work (backups, drills) runs side by side, exclusive work (restore,
     * upgrade) alone. Refused with {@link StackBusyException} naming what runs.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public StackClaim claim(String work, boolean exclusive) {
        return operations.claim(work, exclusive);
    }

    /**
     * What holds the stack right now, on this portal and the others on the database (named by their instance), e.g.
     * {@code the restore of set ...}; empty when idle.
     */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public List<String> runningWork() {
        return operations.runningWork();
    }

    /** The stack's name as people type it to confirm a restore: the compose project, else the backend container. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<String> stackName() {
        return operations.stackName();
    }

    /**
     * A client of the stack's MongoDB for long work (dumps, restores): connecting is bounded by the configured
     * timeout, reading is not. The caller closes it.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public com.mongodb.client.MongoClient openMongo() {
        return operations.openMongo();
    }

    /**
     * The storage folder on the portal's host: the configured one, else the backend's mount at {@value #STORAGE_MOUNT}.
     * Not transactional, so a caller inside a transaction may catch its failure (an unreachable backend) and go on.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public Optional<Path> storageFolder() {
        return operations.storageFolder();
    }

    /** Stops the backend container, giving it {@code grace} to finish. */
    @PreAuthorize(Roles.IS_ADMIN)
    public void stopBackend(Duration grace) {
        operations.stopBackend(grace);
    }

    /** Starts the backend container again as it is (a restore that stopped it and changed nothing puts it back). */
    @PreAuthorize(Roles.IS_ADMIN)
    public void startBackend() {
        operations.startBackend();
    }

    /**
     * Recreates the backend container from its own image with all its configuration, but {@code storage} (when not
     * null) mounted at {@value #STORAGE_MOUNT}, and starts it.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public ContainerFacts recreateBackendWithStorage(Path storage, Duration grace) {
        return operations.recreateBackendWithStorage(storage, grace);
    }

    /**
     * Waits until the backend answers 200 on {@code /} and on {@code /status} (with the configured User-Agent);
     * fails with the last answer seen when {@code limit} passes.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public void awaitBackendHealthy(Duration limit) {
        healthWaits.backend(limit);
    }

    /** Waits until the frontend answers 200 on {@code /} and on {@code /tucana-version.txt}. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public void awaitFrontendHealthy(Duration limit) {
        healthWaits.frontend(limit);
    }

    /**
     * Makes the part's repository at {@code tag} present on the engine, pulling it when missing, and answers the image
     * reference. A pull failure changes nothing.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public String pullRelease(StackPart part, String tag, Duration timeout) {
        return operations.pullRelease(part, tag, timeout);
    }

    /**
     * Recreates the part's container from {@code image} keeping its name, environment, mounts, ports, networks, labels
     * and restart policy, and starts it. With {@code imageId}, the reference is first made to point at exactly that
     * image (a rollback to the image that ran before, even if its tag has moved since) and the result is checked. Only
     * under an exclusive claim of the stack (an upgrade's), so nothing else runs meanwhile.
     */
    @PreAuthorize(Roles.IS_ADMIN)
    public ContainerFacts replaceImage(StackClaim claim, StackPart part, String image, String imageId, Duration grace) {
        return operations.replaceImage(claim, part, image, imageId, grace);
    }

    /** The last {@code lines} lines of the part's container output. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public List<String> logTail(StackPart part, int lines) {
        return operations.logTail(part, lines);
    }

    /**
     * Follows the part's container output, each line with the engine's time before it, from {@code since} on (whole
     * seconds) or its last {@code tail} lines; {@code ended} runs when the container stops or is replaced, after which
     * the caller follows again to reach the new container. A container that is not running is a {@link StackException}.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public FollowedLogs followLogs(StackPart part, Instant since, int tail, Consumer<String> stampedLine, Runnable ended) {
        return operations.followLogs(part, since, tail, stampedLine, ended);
    }

    /**
     * Follows the engine's container events (all containers: the caller picks the stack's by name) from {@code since}
     * (whole seconds, so events of that second come again; null: from now) until the handle is closed; {@code ended}
     * runs when the stream ends, after which the caller follows again.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public java.io.Closeable followContainerEvents(Instant since, Consumer<ContainerEvent> event, Runnable ended) {
        return operations.followContainerEvents(since, event, ended);
    }

    /** Sets MongoDB's featureCompatibilityVersion ({@code 4.4}); only under an exclusive claim of the stack (an upgrade's). */
    @PreAuthorize(Roles.IS_ADMIN)
    public void setFeatureCompatibilityVersion(StackClaim claim, String version) {
        operations.setFeatureCompatibilityVersion(claim, version);
    }
}
