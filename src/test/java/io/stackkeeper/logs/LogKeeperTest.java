package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/** The portal keeps the sample backend's logs itself, across a recreation of its container, and serves them filtered. */
@PortalTest
class LogKeeperTest {

    @Autowired
    LogService logs;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    LogKeeper keeper;

    @org.junit.jupiter.api.BeforeEach
    void keepTheBackendsLogs() {
        keeper.keep(StackPart.BACKEND, true);
    }

    @org.junit.jupiter.api.AfterEach
    void keepNoLogs() {
        keeper.keep(StackPart.BACKEND, false);
    }

    @LocalServerPort
    int port;

    @Test
    void the_backends_lines_are_kept_within_seconds_and_survive_the_recreation_of_its_container() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, Map.of("SAMPLE_HEARTBEAT_SECONDS", "1"))) {
            sample.awaitReady();
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            String first = sample.backend().id();

            String own = "container:" + sample.backendName + " ";
            List<LogLine> started = await("the first container's start", own + "\"starting backend 89.0.0\"", lines -> !lines.isEmpty());
            assertThat(started.get(0).logger()).isEqualTo("main");
            assertThat(started.get(0).level()).isEqualTo(LogLevel.INFO);

            sample.recreateByHand("89.0.0");
            assertThat(sample.backend().id()).isNotEqualTo(first);
            await("both containers' starts", own + "\"starting backend 89.0.0\"", lines -> lines.size() >= 2);
            await("every line of both boots, also those the engine stamped with one time", own + "logger:migrations \"running migrations\"",
                    lines -> lines.size() >= 2);
            List<LogLine> beats = await("heartbeats of the new container", own + "logger:scheduler", lines -> lines.size() >= 2);
            assertThat(beats).allSatisfy(line -> assertThat(line.message()).isEqualTo("heartbeat"));
            assertThat(beats).isSortedAccordingTo(java.util.Comparator.comparing(LogLine::at));

            List<LogLine> warnings = TestUsers.asAdmin(() -> logs.history(StackPart.BACKEND, Instant.now().minus(Duration.ofHours(1)),
                    Instant.now().plusSeconds(60), "", LogLevel.WARN, 100)).lines();
            assertThat(warnings).allSatisfy(line -> assertThat(line.level()).isGreaterThanOrEqualTo(LogLevel.WARN));
        }
    }

    @Test
    void a_viewer_reads_no_logs_and_the_api_answers_json_lines_to_an_operator() throws Exception {
        assertThatThrownBy(() -> TestUsers.as("manager", List.of(Role.VIEWER), () -> logs.history(StackPart.BACKEND,
                Instant.now().minusSeconds(60), Instant.now(), "", null, 10))).isInstanceOf(AccessDeniedException.class);

        String operator = TestUsers.create(accounts, "logs-op", Role.OPERATOR);
        HttpResponse<String> answer = get("/api/v1/logs/backend?level=info&q=logger:main&limit=5", operator);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(answer.body().lines()).allMatch(line -> line.startsWith("{") && line.contains("\"logger\":\"main\""));

        String viewer = TestUsers.create(accounts, "logs-viewer", Role.VIEWER);
        assertThat(get("/api/v1/logs/backend", viewer).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/logs/mongodb", operator).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/logs/backend?q=%2F(%2F", operator).statusCode()).isEqualTo(400);
    }

    private List<LogLine> await(String what, String filter, Predicate<List<LogLine>> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(45));
        while (true) {
            List<LogLine> lines = TestUsers.asAdmin(() -> logs.history(StackPart.BACKEND, Instant.now().minus(Duration.ofHours(1)),
                    Instant.now().plusSeconds(60), filter, null, 1000)).lines();
            if (done.test(lines)) {
                return lines;
            }
            assertThat(Instant.now()).as(what + " kept; found " + lines.stream().map(l -> l.at() + " " + l.raw()).toList()).isBefore(until);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path, String username) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ApiClient.bearer(new ApiClient(port).tokenFor(username, TestUsers.PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
