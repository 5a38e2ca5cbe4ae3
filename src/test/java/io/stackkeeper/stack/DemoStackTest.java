package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.Application;
import io.stackkeeper.SecurityStrategyOfThisContext;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default: with STACKKEEPER_DEMO the portal starts and configures the demo stack on its own. */
@ExtendWith(SecurityStrategyOfThisContext.class)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoStackTest {

    private static final String NAME = "sk-test-demo";

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws Exception {
        LocalEngine.requireRunning();
        registry.add("stackkeeper.demo", () -> "true");
        // Quartz registers its store's connection provider by scheduler name, JVM-wide: each context needs its own name
        registry.add("spring.quartz.scheduler-name", () -> "demo-test-scheduler");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1");
        registry.add("stackkeeper.data-dir", () -> tempDir());
        registry.add("stackkeeper.stack.demo-name", () -> NAME);
        registry.add("stackkeeper.stack.demo-docker-host", () -> LocalEngine.DOCKER_HOST);
        registry.add("stackkeeper.stack.demo-registry", () -> LocalEngine.REGISTRY);
        int backendPort = freePort();
        int frontendPort = freePort();
        registry.add("stackkeeper.stack.demo-backend-port", () -> backendPort);
        registry.add("stackkeeper.stack.demo-frontend-port", () -> frontendPort);
        leaveAStaleBackendOfAnEarlierPortal(backendPort);
    }

    /** What an earlier portal left: a backend whose storage folder was deleted since. */
    private static void leaveAStaleBackendOfAnEarlierPortal(int port) throws Exception {
        java.nio.file.Path gone = Files.createTempDirectory("deleted-demo-storage");
        try (StackClient engine = new DockerStackClient(LocalEngine.DOCKER_HOST, null, Duration.ofSeconds(5))) {
            try {
                engine.remove(NAME + "-backend");
            } catch (StackException ignored) {
                // none left yet
            }
            engine.run(new ContainerSpec(NAME + "-backend", LocalEngine.backendImage(DemoStack.VERSION), java.util.Map.of(),
                    java.util.Map.of(gone.toString(), StackService.STORAGE_MOUNT), java.util.Map.of(8000, port), java.util.Map.of(), "no",
                    List.of()));
        }
        Files.delete(gone);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("demo-data").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    static void removeDemoContainers() {
        try (StackClient engine = new DockerStackClient(LocalEngine.DOCKER_HOST, null, Duration.ofSeconds(5))) {
            for (String container : new String[] {NAME + "-backend", NAME + "-frontend"}) {
                try {
                    engine.remove(container);
                } catch (StackException ignored) {
                    // not created
                }
            }
        }
    }

    @Autowired
    StackService stack;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void the_demo_stack_is_configured_with_sample_containers_at_89_a_seeded_mongodb_and_redis() {
        StackOverview overview = TestUsers.as("manager", List.of(Role.VIEWER), stack::overview);
        assertThat(overview.demo()).isTrue();
        assertThat(overview.backend().facts().version()).isEqualTo(DemoStack.VERSION);
        assertThat(overview.backend().facts().running()).isTrue();
        assertThat(overview.frontend().facts().version()).isEqualTo(DemoStack.VERSION);
        assertThat(overview.compatible()).isTrue();
        assertThat(overview.mongo().facts().databases()).extracting(MongoFacts.Database::name).contains("toucan");
        assertThat(overview.redis().ok()).as(String.valueOf(overview.redis().error())).isTrue();
        assertThat(overview.storageHostPath()).endsWith("demo/storage");
        assertThat(overview.backend().facts().mounts()).as("the stale backend was recreated").anyMatch(mount ->
                mount.destination().equals(StackService.STORAGE_MOUNT) && mount.source().endsWith("demo/storage"));
        ConnectionCheck backend = null;
        for (int attempt = 0; attempt < 40 && (backend == null || !backend.ok()); attempt++) {
            backend = TestUsers.asAdmin(() -> stack.testBackend(null, null)).join();
            sleep(250);
        }
        assertThat(backend.message()).contains("/status answered 200");
    }
}
