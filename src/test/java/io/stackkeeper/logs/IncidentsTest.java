package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.audit.AuditRecord;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.NotifierKind;
import io.stackkeeper.monitoring.NotifierSettings;
import io.stackkeeper.monitoring.NotifierView;
import io.stackkeeper.monitoring.ProbeState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How crashes become incidents: one crash seen twice is one incident, a container that keeps dying is a loop, each told once. */
@PortalTest
class IncidentsTest {

    @Autowired
    Incidents incidents;

    @Autowired
    LogService logs;

    @Autowired
    AuditLog audit;

    @Autowired
    MonitoringService monitoring;

    private NotifierView notifier;
    private final String container = "sk-crashing-" + System.nanoTime();
    private final Instant at = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @BeforeEach
    void aNotifierOfStackEvents() {
        notifier = TestUsers.asAdmin(() -> monitoring.saveNotifier(null, new NotifierSettings("incidents-" + System.nanoTime(),
                NotifierKind.WEBHOOK, "http://127.0.0.1:9/hook", Set.of(), ProbeState.CRITICAL, true, true)));
    }

    @AfterEach
    void noNotifier() {
        TestUsers.asAdmin(() -> {
            monitoring.deleteNotifier(notifier.id());
            return null;
        });
    }

    @Test
    void a_segfault_in_the_log_and_the_engines_exit_code_139_are_one_incident_audited_and_notified_once() {
        IncidentView fromLog = incidents.record(crash(CrashPatterns.match("Segmentation fault (core dumped)").orElseThrow(), null, at, true,
                List.of("{\"level\":\"error\",\"message\":\"request worker crashed\"}", "Segmentation fault (core dumped)")));
        IncidentView fromEngine = incidents.record(crash(CrashVerdict.of(139, false).orElseThrow(), 139, at.plusSeconds(1), false,
                List.of("a", "{\"level\":\"error\",\"message\":\"request worker crashed\"}", "Segmentation fault (core dumped)")));

        assertThat(fromEngine.id()).isEqualTo(fromLog.id());
        IncidentView incident = TestUsers.asAdmin(() -> logs.incident(fromLog.id())).orElseThrow();
        assertThat(incident.kind()).isEqualTo(IncidentKind.SEGFAULT);
        assertThat(incident.exitCode()).isEqualTo(139);
        assertThat(incident.occurrences()).isEqualTo(1);
        assertThat(incident.lastLines()).hasSize(3).last().isEqualTo("Segmentation fault (core dumped)");
        assertThat(opened("incident.opened")).hasSize(1).first().satisfies(r -> assertThat(r.details()).contains("SEGFAULT"));
        assertThat(TestUsers.asAdmin(() -> monitoring.notifications())).filteredOn(n -> n.notifierId() == notifier.id())
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("INCIDENT");
                    assertThat(n.subject()).isEqualTo("CRITICAL: backend container " + container + ": segmentation fault");
                });
    }

    @Test
    void a_container_dying_three_times_within_ten_minutes_becomes_one_restart_loop_told_when_it_became_one() {
        for (int death = 0; death < 4; death++) {
            incidents.record(crash(CrashVerdict.of(1, false).orElseThrow(), 1, at.plus(Duration.ofMinutes(2L * death)), false, List.of("boom " + death)));
        }

        List<IncidentView> mine = TestUsers.asAdmin(() -> logs.incidents(100)).stream().filter(i -> i.containerName().equals(container)).toList();
        assertThat(mine).singleElement().satisfies(loop -> {
            assertThat(loop.kind()).isEqualTo(IncidentKind.RESTART_LOOP);
            assertThat(loop.occurrences()).isEqualTo(4);
            assertThat(loop.summary()).startsWith("died 4 times since").endsWith("the last: exited with code 1");
            assertThat(loop.lastAt()).isEqualTo(at.plus(Duration.ofMinutes(6)));
        });
        assertThat(TestUsers.asAdmin(() -> logs.incident(mine.get(0).id())).orElseThrow().lastLines()).containsExactly("boom 3");
        assertThat(opened("incident.opened")).hasSize(1);
        assertThat(opened("incident.looping")).hasSize(1);
    }

    @Test
    void crash_lines_in_a_log_that_anyone_can_write_to_never_make_a_restart_loop() {
        CrashVerdict segfault = CrashPatterns.match("GET /search?q=segfault 200").orElseThrow();
        for (int line = 0; line < 4; line++) {
            incidents.record(crash(segfault, null, at.plus(Duration.ofMinutes(2L * line)), true, List.of("line " + line)));
        }

        assertThat(TestUsers.asAdmin(() -> logs.incidents(100))).filteredOn(i -> i.containerName().equals(container)).singleElement()
                .satisfies(incident -> {
                    assertThat(incident.kind()).isEqualTo(IncidentKind.SEGFAULT);
                    assertThat(incident.occurrences()).isEqualTo(1);
                });
        assertThat(opened("incident.looping")).isEmpty();
    }

    @Test
    void a_crash_with_hundreds_of_multi_line_lines_some_of_a_megabyte_keeps_its_last_two_hundred_each_cut_to_two_thousand_characters() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            lines.add(i + " " + "x".repeat(i % 10 == 0 ? 1_000_000 : 10) + "\nsecond line");
        }
        IncidentView recorded = incidents.record(crash(CrashVerdict.of(139, false).orElseThrow(), 139, at, false, lines));

        List<String> kept = TestUsers.asAdmin(() -> logs.incident(recorded.id())).orElseThrow().lastLines();
        assertThat(kept).hasSize(Incidents.LINES).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(2_000).doesNotContain("\n"));
        assertThat(kept.get(kept.size() - 1)).startsWith("249 ").endsWith(" second line");
    }

    @Test
    void an_out_of_memory_message_followed_by_exit_code_137_stays_out_of_memory_with_the_code_and_a_later_death_is_another_incident() {
        IncidentView oom = incidents.record(crash(CrashPatterns.match("Out of memory: Killed process 7 (sh)").orElseThrow(), null, at, true, List.of()));
        incidents.record(crash(CrashVerdict.of(137, false).orElseThrow(), 137, at.plusSeconds(2), false, List.of("loading")));
        IncidentView later = incidents.record(crash(CrashVerdict.of(139, false).orElseThrow(), 139, at.plus(Duration.ofMinutes(11)), false, List.of()));

        IncidentView read = TestUsers.asAdmin(() -> logs.incident(oom.id())).orElseThrow();
        assertThat(read.kind()).isEqualTo(IncidentKind.OUT_OF_MEMORY);
        assertThat(read.exitCode()).isEqualTo(137);
        assertThat(read.summary()).contains("OOM killer in the log").contains("exit code 137");
        assertThat(read.lastLines()).containsExactly("loading");
        assertThat(later.id()).isNotEqualTo(oom.id());
        assertThat(TestUsers.asAdmin(() -> logs.incident(Long.MAX_VALUE))).isEqualTo(Optional.empty());
    }

    private Crash crash(CrashVerdict verdict, Integer exitCode, Instant when, boolean fromLog, List<String> lines) {
        return new Crash("backend", container, verdict, exitCode, when, fromLog, lines);
    }

    private List<AuditRecord> opened(String action) {
        return TestUsers.asAdmin(() -> audit.slice(new AuditQuery(null, action, null, null, null), 0, 500)).stream()
                .filter(r -> container.equals(r.target())).toList();
    }
}
