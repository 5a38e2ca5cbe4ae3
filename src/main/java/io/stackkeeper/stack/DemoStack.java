package io.stackkeeper.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.stackkeeper.base.DataFolder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo stack, started when {@code STACKKEEPER_DEMO=true}: a MongoDB stand-in persisted in the data folder and
 * seeded with sample collections, a {@code redis-server} process when one is installed, a demo storage folder, and
 * the sample backend and frontend containers (89.0.0) on the local engine. Whatever is missing is named in the log
 * with the command that fixes it; the rest works. Configures the stack unless someone configured one (the demo's own
 * settings from an earlier start are replaced: the ports change).
 */
@Component
class DemoStack implements SmartLifecycle {

    static final String VERSION = "89.0.0";
    static final String STATUS_USER_AGENT = "stackkeeper-demo-status";
    private static final Logger log = LoggerFactory.getLogger(DemoStack.class);

    private final DemoProperties demo;
    private final StackProperties properties;
    private final StackService stack;
    private final DataFolder dataFolder;
    private final StackClients clients;
    private final List<String> missing = new ArrayList<>();
    private MongoStandInServer mongo;
    private Process redis;
    private int redisPort;
    private volatile boolean running;

    DemoStack(DemoProperties demo, StackProperties properties, StackService stack, DataFolder dataFolder,
            StackClients clients) {
        this.clients = clients;
        this.demo = demo;
        this.properties = properties;
        this.stack = stack;
        this.dataFolder = dataFolder;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Everything once the application is up, so the demo never delays the portal's start or its login page. */
    @EventListener(ApplicationReadyEvent.class)
    void configure() {
        if (!demo.demo() || stack.configuredByUser()) {
            return;
        }
        startServers();
        startContainersAndConfigure();
    }

    private void startServers() {
        Path root = dataFolder.resolve("demo");
        try {
            Files.createDirectories(root.resolve("storage"));
        } catch (IOException e) {
            throw new StackException("Cannot create the demo folder " + root + ": " + e.getMessage(), e);
        }
        mongo = MongoStandInServer.persistent(root.resolve("mongo.mv"), "4.4.29", "4.4");
        seed(mongo.uri());
        redis = startRedis(root).orElse(null);
    }

    private void startContainersAndConfigure() {
        Path storage = dataFolder.resolve("demo").resolve("storage");
        int backendPort = properties.demoBackendPort();
        int frontendPort = properties.demoFrontendPort();
        startContainers(storage, backendPort, frontendPort);
        stack.saveDemoSettings(new StackSettingsChange(new StackSettingsChange.Engine(properties.demoDockerHost(), null),
                StackSettingsChange.Containers.named(backend(), frontend()),
                new StackSettingsChange.Databases(mongo.uri(), redis == null ? null : "redis://127.0.0.1:" + redisPort),
                new StackSettingsChange.Urls("http://127.0.0.1:" + backendPort, "http://127.0.0.1:" + frontendPort, STATUS_USER_AGENT),
                storage.toString(), new StackSettingsChange.Registry("http://" + properties.demoRegistry(), null, null,
                        "stackkeeper/sample-backend", "stackkeeper/sample-frontend")));
        if (missing.isEmpty()) {
            log.info("Demo stack ready: MongoDB stand-in at {}, Redis, sample containers {} and {} at {}", mongo.uri(), backend(), frontend(), VERSION);
        } else {
            missing.forEach(m -> log.warn("Demo stack: {}", m));
        }
    }

    String backend() {
        return properties.demoName() + "-backend";
    }

    String frontend() {
        return properties.demoName() + "-frontend";
    }

    private Optional<Process> startRedis(Path root) {
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                redisPort = socket.getLocalPort();
            }
            Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", root.toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("redis.log").toFile()).start();
            return Optional.of(process);
        } catch (IOException e) {
            missing.add("no redis-server here, so Redis is not part of the demo: install it with 'apt-get install redis-server'.");
            return Optional.empty();
        }
    }

    private void startContainers(Path storage, int backendPort, int frontendPort) {
        try (StackClient engine = clients.open(properties.demoDockerHost(), null, Duration.ofSeconds(5))) {
            engine.ping();
            ensure(engine, backend(), "sample-backend", Map.of("TOUCAN_DB_ENCRYPTION_SECRET", "demo-encryption-secret",
                    "TOUCAN_STATUS_USER_AGENT", STATUS_USER_AGENT), Map.of(storage.toString(), StackService.STORAGE_MOUNT),
                    8000, backendPort, "backend");
            ensure(engine, frontend(), "sample-frontend", Map.of(), Map.of(), 8080, frontendPort, "frontend");
        } catch (StackException e) {
            missing.add("the sample containers could not be started (" + e.getMessage() + "): run 'sudo scripts/local-engine.sh' "
                    + "to set up the local engine, then restart the demo.");
        }
    }

    /** Reused only when it mounts the demo's folders (which still exist) and publishes the demo's port. */
    static boolean asTheDemoWantsIt(ContainerFacts container, Map<String, String> binds, int containerPort, int hostPort) {
        boolean mounts = binds.entrySet().stream().allMatch(bind -> Files.isDirectory(Path.of(bind.getKey()))
                && container.mounts().stream().anyMatch(m -> m.destination().equals(bind.getValue()) && bind.getKey().equals(m.source())));
        boolean port = container.ports().stream().anyMatch(p -> p.containerPort() == containerPort && Integer.valueOf(hostPort).equals(p.hostPort()));
        return mounts && port;
    }

    private void ensure(StackClient engine, String name, String image, Map<String, String> env, Map<String, String> binds,
            int containerPort, int hostPort, String service) {
        Optional<ContainerFacts> existing = engine.inspect(name);
        if (existing.isPresent() && asTheDemoWantsIt(existing.get(), binds, containerPort, hostPort)) {
            if (!existing.get().running()) {
                engine.start(name);
            }
            return;
        }
        if (existing.isPresent()) {
            log.info("Demo stack: {} was left by an earlier portal with another configuration (mounts or ports); recreating it.", name);
            engine.stop(name, Duration.ofSeconds(5));
            engine.remove(name);
        }
        String reference = properties.demoRegistry() + "/stackkeeper/" + image + ":" + VERSION;
        if (!engine.imagePresent(reference)) {
            engine.pull(reference, Duration.ofSeconds(60));
        }
        engine.run(new ContainerSpec(name, reference, env, binds, Map.of(containerPort, hostPort),
                Map.of(DockerStackClient.COMPOSE_PROJECT, "stackkeeper-demo", DockerStackClient.COMPOSE_SERVICE, service),
                "unless-stopped", List.of()));
    }

    private static void seed(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> dashboards = client.getDatabase("toucan").getCollection("dashboards");
            if (dashboards.estimatedDocumentCount() > 0) {
                return;
            }
            List<Document> docs = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                docs.add(new Document("name", "Dashboard " + i).append("owner", "analyst" + (i % 5)).append("tiles", i % 9 + 1));
            }
            dashboards.insertMany(docs);
            List<Document> users = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                users.add(new Document("login", "user" + i).append("role", i % 4 == 0 ? "admin" : "viewer"));
            }
            client.getDatabase("toucan").getCollection("users").insertMany(users);
            client.getDatabase("toucan_small_apps").getCollection("datasets")
                    .insertMany(List.of(new Document("name", "sales"), new Document("name", "stock"), new Document("name", "hr")));
        }
    }

    @Override
    public void stop() {
        running = false;
        if (redis != null) {
            redis.destroy();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
