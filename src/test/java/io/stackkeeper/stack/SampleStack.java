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
public final class SampleStack implements Closeable {

    public static final String STATUS_USER_AGENT = "sample-stack-status";
    public static final String MONGO_USER = "toucan";
    public static final String MONGO_PASSWORD = "mongo-right-password";

    private final StackClient engine = new DockerStackClient(LocalEngine.DOCKER_HOST, null, Duration.ofSeconds(5));
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    public final String backendName = "sk-sample-backend-" + suffix;
    public final String frontendName = "sk-sample-frontend-" + suffix;
    public final MongoStandInServer mongo = MongoStandInServer.inMemory("4.4.29", "4.4");
    public final Path storage;
    public final int backendPort;
    public final int frontendPort;

    /** Backend at {@code backendVersion}; the frontend runs from {@code frontendTag} (e.g. a floating tag). */
    public SampleStack(String backendVersion, String frontendTag) throws Exception {
        LocalEngine.requireRunning();
        mongo.createUser(MONGO_USER, MONGO_PASSWORD);
        storage = Files.createTempDirectory("sample-storage");
        backendPort = freePort();
        frontendPort = freePort();
        String backendImage = LocalEngine.backendImage(backendVersion);
        pullIfMissing(backendImage);
        String frontendImage = LocalEngine.frontendImage(frontendTag);
        if (!engine.imagePresent(frontendImage)) {
            String pinned = LocalEngine.frontendImage(backendVersion);
            pullIfMissing(pinned);
            engine.tag(pinned, LocalEngine.REGISTRY + "/stackkeeper/sample-frontend", frontendTag);
        }
        engine.run(new ContainerSpec(backendName, backendImage, Map.of("TOUCAN_DB_ENCRYPTION_SECRET", "sample-secret",
                "TOUCAN_STATUS_USER_AGENT", STATUS_USER_AGENT), Map.of(storage.toString(), StackService.STORAGE_MOUNT),
                Map.of(8000, backendPort), Map.of(), "no", List.of()));
        engine.run(new ContainerSpec(frontendName, frontendImage, Map.of(), Map.of(), Map.of(8080, frontendPort), Map.of(), "no", List.of()));
    }

    private void pullIfMissing(String image) {
        if (!engine.imagePresent(image)) {
            engine.pull(image, Duration.ofSeconds(60));
        }
    }

    public String mongoUri(String password) {
        return "mongodb://" + MONGO_USER + ":" + password + "@127.0.0.1:" + mongo.port() + "/?authSource=admin";
    }

    /** Settings for this stack (without Redis). */
    public StackSettingsChange settings() {
        return new StackSettingsChange(LocalEngine.DOCKER_HOST, null, ContainerLookup.NAME, backendName, frontendName, null, null, null,
                mongoUri(MONGO_PASSWORD), null, "http://127.0.0.1:" + backendPort, "http://127.0.0.1:" + frontendPort,
                STATUS_USER_AGENT, null, "http://" + LocalEngine.REGISTRY, null, null, "stackkeeper/sample-backend",
                "stackkeeper/sample-frontend");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (String name : new String[] {backendName, frontendName}) {
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
