package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.ChattyContainer;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import io.stackkeeper.stack.StackSettingsChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The live viewer on the real engine: the sample backend's lines within a second, across a recreation; and under load, bounded. */
@PortalTest
class LiveLogsTest {

    private static final List<Role> OPERATOR = List.of(Role.OPERATOR);

    @Autowired
    LogService logs;

    @Autowired
    StackService stack;

    @Autowired
    LiveViewers viewers;

    /** A line and when the batch that carried it arrived. */
    private record Delivered(LogLine line, Instant at) {
    }

    @Test
    void lines_reach_the_viewer_within_a_second_of_being_written_and_a_recreated_container_is_followed_with_its_gap_marked() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0", "4.4", true, Map.of("SAMPLE_HEARTBEAT_SECONDS", "1"))) {
            sample.awaitReady();
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            List<Delivered> delivered = new CopyOnWriteArrayList<>();
            try (LiveLogs live = TestUsers.as("live-op", OPERATOR, () -> logs.follow(Set.of(StackPart.BACKEND), 500, "", null,
                    batch -> batch.forEach(line -> delivered.add(new Delivered(line, Instant.now())))))) {
                await(delivered, "the tail and a heartbeat", lines -> count(lines, "heartbeat") >= 1);
                // the engine stamps lines in whole seconds: a request's own line, written when it is answered, times it
                List<Duration> lags = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String path = "/live-probe-" + i;
                    Instant asked = Instant.now();
                    request(sample.backendPort, path);
                    await(delivered, "the line of " + path, lines -> count(lines, "GET " + path + " 404") == 1);
                    Instant shown = delivered.stream().filter(d -> d.line().message().equals("GET " + path + " 404")).findFirst().orElseThrow().at();
                    lags.add(Duration.between(asked, shown));
                    Thread.sleep(300);
                }
                System.out.println("live lag of request lines: " + lags);
                assertThat(lags).allSatisfy(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(1)));

                String first = sample.backend().id();
                sample.recreateByHand("89.0.0");
                String second = sample.backend().id();
                assertThat(second).isNotEqualTo(first);
                await(delivered, "the recreation's mark and the new container's start", lines -> lines.stream()
                        .dropWhile(line -> !line.message().startsWith("backend recreated: " + sample.backendName + " " + first.substring(0, 12)
                                + " \u2192 " + second.substring(0, 12)))
                        .anyMatch(line -> line.message().equals("starting backend 89.0.0")));
                List<Instant> times = delivered.stream().map(d -> d.line().at()).toList();
                assertThat(times).as("merged by time").isSorted();
            }
        }
    }

    @Test
    void a_viewer_of_a_container_writing_5000_lines_a_second_holds_at_most_its_bound_also_while_paused() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0"); ChattyContainer chatty = new ChattyContainer(5_000)) {
            StackSettingsChange s = sample.settings();
            TestUsers.asAdmin(() -> stack.saveSettings(new StackSettingsChange(s.engine(),
                    StackSettingsChange.Containers.named(sample.backendName, chatty.name), s.databases(), s.urls(), s.storageHostPath(), s.registry())));
            List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
            try (LiveLogs live = TestUsers.as("load-op", OPERATOR, () -> logs.follow(Set.of(StackPart.FRONTEND), 500, "", null,
                    batch -> batchSizes.add(batch.size())))) {
                LiveViewers.Viewer viewer = (LiveViewers.Viewer) live;
                int most = 0;
                long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
                while (System.nanoTime() < until) {
                    most = Math.max(most, viewer.held());
                    Thread.sleep(20);
                }
                int received = batchSizes.stream().mapToInt(Integer::intValue).sum();
                System.out.printf("live viewer under load: %d lines in 8 s, %d batches, at most %d held (bound %d)%n",
                        received, batchSizes.size(), most, live.maxLines());
                assertThat(received).as("the container writes fast").isGreaterThan(25_000);
                assertThat(batchSizes.size()).as("at most five batches a second").isLessThanOrEqualTo(8 * 5 + 1);
                assertThat(live.lines()).as("the ring is full, but for the lines of the next batch")
                        .hasSizeBetween(live.maxLines() - 2_500, live.maxLines());
                assertThat(most).as("shown and held back for the merge").isLessThanOrEqualTo(live.maxLines() + 2 * 5_000 / 2);

                live.pause();
                Thread.sleep(3_000);
                assertThat(live.waiting()).isEqualTo(live.maxLines());
                assertThat(live.dropped()).isGreaterThan(0);
                assertThat(viewer.held()).isLessThanOrEqualTo(live.maxLines() + 5_000);
                live.resume();
                Thread.sleep(500);
                assertThat(live.waiting()).isLessThan(live.maxLines());
            }
        }
    }

    @Test
    void a_viewer_role_follows_no_logs_and_a_bad_filter_names_its_term() {
        assertThatThrownBy(() -> TestUsers.as("live-viewer", List.of(Role.VIEWER), () -> logs.follow(Set.of(StackPart.BACKEND), 10, "", null,
                batch -> { }))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("live-op2", OPERATOR, () -> logs.follow(Set.of(StackPart.BACKEND), 10, "/(/", null,
                batch -> { }))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void viewers_of_one_container_share_one_stream_which_closes_with_the_last_of_them() {
        int before = viewers.followedContainers();
        LiveLogs one = TestUsers.as("share-op", OPERATOR, () -> logs.follow(Set.of(StackPart.BACKEND), 10, "", null, batch -> { }));
        LiveLogs two = TestUsers.as("share-op", OPERATOR, () -> logs.follow(Set.of(StackPart.BACKEND, StackPart.FRONTEND), 10, "level>=warn", null,
                batch -> { }));
        assertThat(viewers.followedContainers()).isEqualTo(before + 2);
        one.close();
        assertThat(viewers.followedContainers()).isEqualTo(before + 2);
        two.close();
        assertThat(viewers.followedContainers()).isEqualTo(before);
    }

    private static void request(int port, String path) throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    private static long count(List<LogLine> lines, String message) {
        return lines.stream().filter(line -> line.message().equals(message)).count();
    }

    private static void await(List<Delivered> delivered, String what, Predicate<List<LogLine>> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.test(delivered.stream().map(Delivered::line).toList())) {
            assertThat(Instant.now()).as(what + " delivered").isBefore(until);
            Thread.sleep(100);
        }
    }
}
