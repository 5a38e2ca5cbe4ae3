package io.stackkeeper.stack;

import java.io.Closeable;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sample stack for tests: backend and frontend containers from the local registry's sample images on the real
 * engine, a MongoDB stand-in with a user, and a storage folder. Close it to remove the containers.
 */
public final class SampleStack implements Closeable, org.junit.jupiter.api.extension.AfterAllCallback {

    public static final String STATUS_USER_AGENT = "sample-stack-status";
    public static final String MONGO_USER = "toucan";
    public static final String MONGO_PASSWORD = "mongo-right-password";
    /** The name by which a container of the local engine (podman's default network) reaches this host. */
    public static final String HOST_FROM_CONTAINERS = "host.containers.internal";

    private final StackClient engine = new DockerStackClient(LocalEngine.DOCKER_HOST, null, Duration.ofSeconds(5));
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    public final String backendName = "sk-sample-backend-" + suffix;
    public final String frontendName = "sk-sample-frontend-" + suffix;
    public final MongoStandIn mongo;
    public final Path storage;
    public final int backendPort;
    public final int frontendPort;

    /** Backend at {@code backendVersion}; the frontend runs from {@code frontendTag} (e.g. a floating tag). */
    public SampleStack(String backendVersion, String frontendTag) throws Exception {
        this(backendVersion, frontendTag, "4.4", true);
    }

    /**
     * As {@link #SampleStack(String, String)}, with MongoDB 4.4 at this featureCompatibilityVersion, and the backend
     * with or without {@code TOUCAN_DB_ENCRYPTION_SECRET} (from 76.0.0 on it does not start without).
     */
    public SampleStack(String backendVersion, String frontendTag, String featureCompatibilityVersion, boolean encryptionSecret)
            throws Exception {
        this(backendVersion, frontendTag, featureCompatibilityVersion, encryptionSecret, Map.of());
    }

    /**
     * With more environment for the backend, e.g. {@code SAMPLE_MIGRATION_SECONDS} for slower boots, or
     * {@code SAMPLE_CRASH}; {@code SAMPLE_MEMORY_LIMIT_MB} also becomes the backend container's memory limit.
     */
    public SampleStack(String backendVersion, String frontendTag, String featureCompatibilityVersion, boolean encryptionSecret,
            Map<String, String> backendEnvironment) throws Exception {
        LocalEngine.requireRunning();
        mongo = MongoStandIn.inMemory("4.4.29", featureCompatibilityVersion);
        try {
            mongo.createUser(MONGO_USER, MONGO_PASSWORD);
            storage = Files.createTempDirectory("sample-storage");
            int[] ports = freePorts(2);
            backendPort = ports[0];
            frontendPort = ports[1];
            String backendImage = LocalEngine.backendImage(backendVersion);
            pullIfMissing(backendImage);
            String frontendImage = LocalEngine.frontendImage(frontendTag);
            if (!engine.imagePresent(frontendImage)) {
                String pinned = LocalEngine.frontendImage(backendVersion);
                pullIfMissing(pinned);
                engine.tag(pinned, LocalEngine.REGISTRY + "/stackkeeper/sample-frontend", frontendTag);
            }
            Map<String, String> environment = new java.util.HashMap<>(backendEnvironment);
            environment.put("TOUCAN_STATUS_USER_AGENT", STATUS_USER_AGENT);
            if (encryptionSecret) {
                environment.put("TOUCAN_DB_ENCRYPTION_SECRET", "sample-secret");
            }
            long memoryLimit = Long.parseLong(environment.getOrDefault("SAMPLE_MEMORY_LIMIT_MB", "0")) * 1024 * 1024;
            engine.run(new ContainerSpec(backendName, backendImage, environment, Map.of(storage.toString(), StackService.STORAGE_MOUNT),
                    Map.of(8000, backendPort), Map.of("com.example.team", "analytics"), "unless-stopped", List.of()).withMemoryLimit(memoryLimit));
            engine.run(new ContainerSpec(frontendName, frontendImage, Map.of(), Map.of(), Map.of(8080, frontendPort), Map.of(), "no", List.of()));
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * For a test class's {@code @RegisterExtension static final} field: the stack runs for the class and is removed
     * after its last test.
     */
    public static SampleStack forTheClass(String backendVersion, String frontendTag) {
        try {
            return new SampleStack(backendVersion, frontendTag);
        } catch (Exception e) {
            throw new IllegalStateException("The sample stack did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    private void pullIfMissing(String image) {
        if (!engine.imagePresent(image)) {
            engine.pull(image, Duration.ofSeconds(60));
        }
    }

    public String mongoUri(String password) {
        return "mongodb://" + MONGO_USER + ":" + password + "@127.0.0.1:" + mongo.port() + "/?authSource=admin";
    }

    /** The backend container as the engine sees it now. */
    public ContainerFacts backend() {
        return engine.inspect(backendName).orElseThrow();
    }

    /** Settings for this stack (without Redis). */
    public StackSettingsChange settings() {
        return new StackSettingsChange(new StackSettingsChange.Engine(LocalEngine.DOCKER_HOST, null),
                StackSettingsChange.Containers.named(backendName, frontendName), new StackSettingsChange.Databases(mongoUri(MONGO_PASSWORD), null),
                new StackSettingsChange.Urls("http://127.0.0.1:" + backendPort, "http://127.0.0.1:" + frontendPort, STATUS_USER_AGENT), null,
                new StackSettingsChange.Registry("http://" + LocalEngine.REGISTRY, null, null, "stackkeeper/sample-backend",
                        "stackkeeper/sample-frontend"));
    }

    /** The same settings as the API takes them: one flat object, secrets included. */
    public java.util.Map<String, Object> settingsBody() {
        StackSettingsChange s = settings();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("engineEndpoint", s.engine().endpoint());
        body.put("engineTlsPath", s.engine().tlsPath());
        body.put("lookupMode", s.containers().lookupMode());
        body.put("backendContainer", s.containers().backendContainer());
        body.put("frontendContainer", s.containers().frontendContainer());
        body.put("composeProject", s.containers().composeProject());
        body.put("backendService", s.containers().backendService());
        body.put("frontendService", s.containers().frontendService());
        body.put("mongoUri", s.databases().mongoUri());
        body.put("redisUri", s.databases().redisUri());
        body.put("backendUrl", s.urls().backendUrl());
        body.put("frontendUrl", s.urls().frontendUrl());
        body.put("statusUserAgent", s.urls().statusUserAgent());
        body.put("storageHostPath", s.storageHostPath());
        body.put("registryUrl", s.registry().url());
        body.put("registryUsername", s.registry().username());
        body.put("registryPassword", s.registry().password());
        body.put("backendRepository", s.registry().backendRepository());
        body.put("frontendRepository", s.registry().frontendRepository());
        return body;
    }

    /**
     * What a careful person's script does without the portal, the benchmarks' baseline: recreate the backend, then the
     * frontend, at {@code version} with the engine's API (same configuration), each waited for until it answers 200.
     */
    public void recreateByHand(String version) throws InterruptedException {
        String backendImage = LocalEngine.backendImage(version);
        String frontendImage = LocalEngine.frontendImage(version);
        pullIfMissing(backendImage);
        pullIfMissing(frontendImage);
        engine.recreate(backendName, backendImage, Duration.ofSeconds(2));
        await200("http://127.0.0.1:" + backendPort + "/status", STATUS_USER_AGENT);
        engine.recreate(frontendName, frontendImage, Duration.ofSeconds(2));
        await200("http://127.0.0.1:" + frontendPort + "/tucana-version.txt", null);
    }

    private static void await200(String url, String userAgent) throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(2));
                if (userAgent != null) {
                    request.header("User-Agent", userAgent);
                }
                if (http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " did not answer 200 within 60 s");
    }

    /** Waits until the backend's {@code /status} and the frontend's version file answer 200 (containers start in the background). */
    public void awaitReady() throws InterruptedException {
        await200("http://127.0.0.1:" + backendPort + "/status", STATUS_USER_AGENT);
        await200("http://127.0.0.1:" + frontendPort + "/tucana-version.txt", null);
    }

    /** Stops a container of the sample stack (by name) on the engine, as a crash or an operator would. */
    public void stop(String container) {
        engine.stop(container, Duration.ofSeconds(2));
    }

    /** Starts it again. */
    public void start(String container) {
        engine.start(container);
    }

    /** Tags the images of {@code version} as {@code newVersion} on the engine only (the registry does not have it). */
    public void tagOnEngineOnly(String version, String newVersion) {
        engine.tag(LocalEngine.backendImage(version), LocalEngine.REGISTRY + "/stackkeeper/sample-backend", newVersion);
        engine.tag(LocalEngine.frontendImage(version), LocalEngine.REGISTRY + "/stackkeeper/sample-frontend", newVersion);
    }

    /** Removes the engine's tags of {@code version}, backend and frontend as asked. */
    public void untagOnEngine(String version, boolean backend, boolean frontend) {
        if (backend) {
            engine.untag(LocalEngine.backendImage(version));
        }
        if (frontend) {
            engine.untag(LocalEngine.frontendImage(version));
        }
    }

    /** Distinct free ports: each socket stays open until all are chosen, so the system never hands out one twice. */
    private static int[] freePorts(int count) throws Exception {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    /** Removes both containers, and any a recreation interrupted by a kill left parked as {@code <name>-replaced-<time>}. */
    @Override
    public void close() {
        List<String> names = new java.util.ArrayList<>(List.of(backendName, frontendName));
        try {
            engine.listContainers().stream().map(ContainerFacts::name)
                    .filter(name -> name.startsWith(backendName + "-replaced-") || name.startsWith(frontendName + "-replaced-")).forEach(names::add);
        } catch (StackException ignored) {
            // the engine cannot list: remove the two we know
        }
        for (String name : names) {
            try {
                engine.remove(name);
            } catch (StackException ignored) {
                // already gone
            }
        }
        engine.close();
        mongo.close();
    }
}
