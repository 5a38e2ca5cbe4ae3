package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link StackClient} must do, run against a real engine with the sample images. */
abstract class StackClientContract {

    protected abstract StackClient client();

    protected abstract StackClient clientOfAnEngineThatIsDown();

    @TempDir
    Path storage;

    private final List<String> created = new ArrayList<>();
    private StackClient client;

    @BeforeEach
    void connect() {
        client = client();
    }

    @AfterEach
    void cleanUp() {
        for (String name : created) {
            try {
                client.remove(name);
            } catch (StackException ignored) {
                // already gone
            }
        }
        client.close();
    }

    private ContainerFacts runBackend(String version, int hostPort) {
        String name = "sk-test-backend-" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        ensureImage(LocalEngine.backendImage(version));
        return client.run(new ContainerSpec(name, LocalEngine.backendImage(version),
                Map.of("TOUCAN_DB_ENCRYPTION_SECRET", "contract-test-secret", "TOUCAN_STATUS_USER_AGENT", "contract-agent"),
                Map.of(storage.toString(), "/app/storage"), Map.of(8000, hostPort),
                Map.of("com.docker.compose.project", "contract", "com.docker.compose.service", "backend-" + name),
                "unless-stopped", List.of()));
    }

    private void ensureImage(String image) {
        if (!client.imagePresent(image)) {
            client.pull(image, Duration.ofSeconds(60));
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path, String userAgent) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Exception last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2));
                if (userAgent != null) {
                    request.header("User-Agent", userAgent);
                }
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Test
    void the_engine_answers_with_its_version() {
        EngineInfo engine = client.ping();
        assertThat(engine.apiVersion()).isNotBlank();
        assertThat(engine.version()).isNotBlank();
    }

    @Test
    void inspect_reports_state_image_version_mounts_ports_labels_and_only_environment_names() throws Exception {
        int port = freePort();
        ContainerFacts backend = runBackend("89.0.0", port);
        ContainerFacts facts = client.inspect(backend.name()).orElseThrow();
        assertThat(facts.running()).isTrue();
        assertThat(facts.version()).isEqualTo("89.0.0");
        assertThat(facts.floatingTag()).isFalse();
        assertThat(facts.hostPathOf("/app/storage")).contains(storage.toString());
        assertThat(facts.ports()).anySatisfy(p -> {
            assertThat(p.containerPort()).isEqualTo(8000);
            assertThat(p.hostPort()).isEqualTo(port);
        });
        assertThat(facts.labels()).containsEntry("com.docker.compose.project", "contract");
        assertThat(facts.environmentNames()).contains("TOUCAN_DB_ENCRYPTION_SECRET");
        assertThat(facts.toString()).doesNotContain("contract-test-secret");
        assertThat(facts.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(client.findByComposeService("contract", "backend-" + backend.name())).map(ContainerFacts::id).contains(facts.id());
        assertThat(get(port, "/", null).body()).contains("89.0.0");
    }

    @Test
    void recreate_from_another_tag_keeps_name_env_mounts_ports_labels_and_runs_the_new_version() throws Exception {
        int port = freePort();
        ContainerFacts before = runBackend("89.0.0", port);
        ensureImage(LocalEngine.backendImage("90.0.0"));
        ContainerFacts after = client.recreate(before.name(), LocalEngine.backendImage("90.0.0"), Duration.ofSeconds(5));
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.version()).isEqualTo("90.0.0");
        assertThat(after.running()).isTrue();
        assertThat(after.environmentNames()).contains("TOUCAN_DB_ENCRYPTION_SECRET", "TOUCAN_STATUS_USER_AGENT");
        assertThat(after.hostPathOf("/app/storage")).contains(storage.toString());
        assertThat(after.labels()).containsEntry("com.docker.compose.project", "contract");
        assertThat(after.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(get(port, "/", null).body()).as("the image's own version, not the old image's").contains("90.0.0");
        assertThat(get(port, "/status", "contract-agent").statusCode()).isEqualTo(200);
        assertThat(get(port, "/status", "somebody-else").statusCode()).isEqualTo(403);
        assertThat(client.listContainers()).extracting(ContainerFacts::name).doesNotContain(before.name() + "-replaced");
        try (var files = Files.list(storage)) {
            assertThat(files.map(p -> p.getFileName().toString())).isNotEmpty();
        }
    }

    @Test
    void recreate_to_an_image_that_is_not_present_fails_clearly_and_keeps_the_old_container() throws Exception {
        ContainerFacts before = runBackend("89.0.0", freePort());
        assertThatThrownBy(() -> client.recreate(before.name(), LocalEngine.backendImage("1.2.3"), Duration.ofSeconds(5)))
                .isInstanceOf(StackException.class).hasMessageContaining("not present");
        ContainerFacts still = client.inspect(before.name()).orElseThrow();
        assertThat(still.id()).isEqualTo(before.id());
        assertThat(still.running()).isTrue();
    }

    @Test
    void a_floating_tag_is_never_pulled_and_a_missing_tag_is_not_pullable() {
        assertThatThrownBy(() -> client.pull(LocalEngine.REGISTRY + "/stackkeeper/sample-backend:latest", Duration.ofSeconds(10)))
                .hasMessageContaining("floating tag");
        assertThatThrownBy(() -> client.pull(LocalEngine.backendImage("9.9.9"), Duration.ofSeconds(20)))
                .isInstanceOf(StackException.class).hasMessageContaining("cannot be pulled");
    }

    @Test
    void logs_are_followed_line_by_line() throws Exception {
        ContainerFacts backend = runBackend("89.0.0", freePort());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try (var follow = client.followLogs(backend.name(), null, 100, lines::add, ended::countDown)) {
            for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains("migrations")); i++) {
                Thread.sleep(100);
            }
            assertThat(lines).anyMatch(l -> l.contains("migrations")).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z .*"));
            client.stop(backend.id(), java.time.Duration.ofSeconds(5));
            assertThat(ended.await(15, java.util.concurrent.TimeUnit.SECONDS)).as("the stream ends when the container stops").isTrue();
        }
    }

    @Test
    void the_last_lines_of_a_containers_log_are_read_at_once_and_no_more_than_asked() throws Exception {
        int port = freePort();
        ContainerFacts backend = runBackend("89.0.0", port);
        get(port, "/", null);
        List<String> all = client.logTail(backend.name(), 1000);
        // the backend writes the request's line after it has answered
        for (int i = 0; i < 50 && all.stream().noneMatch(l -> l.contains("GET / 200")); i++) {
            Thread.sleep(100);
            all = client.logTail(backend.name(), 1000);
        }
        assertThat(all).anyMatch(l -> l.contains("starting backend 89.0.0"));
        List<String> last = client.logTail(backend.name(), 2);
        assertThat(last).hasSize(2).isEqualTo(all.subList(all.size() - 2, all.size()));
    }

    @Test
    void an_image_is_found_by_tag_or_id_and_a_tag_can_be_removed_without_removing_the_image() {
        String image = LocalEngine.backendImage("89.0.0");
        ensureImage(image);
        String id = client.imageId(image).orElseThrow();
        assertThat(id).startsWith("sha256:");
        assertThat(client.imageId(id)).hasValue(id);
        String extraTag = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        client.tag(image, LocalEngine.REGISTRY + "/stackkeeper/sample-backend", extraTag);
        assertThat(client.imageId(LocalEngine.backendImage(extraTag))).hasValue(id);

        client.untag(LocalEngine.backendImage(extraTag));

        assertThat(client.imageId(LocalEngine.backendImage(extraTag))).isEmpty();
        assertThat(client.imageId(image)).hasValue(id);
        assertThat(client.imageId(LocalEngine.backendImage("no-such-tag"))).isEmpty();
    }

    @Test
    void images_are_listed_with_their_tags_and_engine_events_are_followed() throws Exception {
        ensureImage(LocalEngine.backendImage("89.0.0"));
        assertThat(client.listImages()).anySatisfy(image -> assertThat(image.tags()).anyMatch(t -> t.endsWith("sample-backend:89.0.0")));
        List<ContainerEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (var follow = client.events(null, events::add, () -> { })) {
            Thread.sleep(300);
            ContainerFacts backend = runBackend("89.0.0", freePort());
            client.stop(backend.id(), java.time.Duration.ofSeconds(5));
            for (int i = 0; i < 50 && events.stream().noneMatch(e -> e.died() && e.containerName().equals(backend.name())); i++) {
                Thread.sleep(100);
            }
            assertThat(events).anyMatch(e -> e.started() && e.containerName().equals(backend.name()) && e.containerId().equals(backend.id()));
            assertThat(events).anyMatch(e -> e.died() && e.containerName().equals(backend.name()) && e.exitCode() != null);
        }
    }

    @Test
    void an_engine_that_is_down_gives_a_clear_error() {
        try (StackClient down = clientOfAnEngineThatIsDown()) {
            assertThatThrownBy(down::ping).isInstanceOf(StackException.class).hasMessageContaining("not reachable");
        }
    }

    @Test
    void an_unknown_container_is_absent_not_an_error() {
        assertThat(client.inspect("no-such-container-" + UUID.randomUUID())).isEmpty();
    }
}
