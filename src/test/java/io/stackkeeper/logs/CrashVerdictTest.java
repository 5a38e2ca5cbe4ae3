package io.stackkeeper.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrashVerdictTest {

    @Test
    void exit_code_139_is_a_segfault_and_137_a_kill_that_becomes_out_of_memory_when_the_engine_says_so() {
        assertThat(CrashVerdict.of(139, false)).hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(IncidentKind.SEGFAULT));
        assertThat(CrashVerdict.of(137, false)).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(IncidentKind.KILLED);
            assertThat(v.summary()).contains("OOM killer").contains("grace period");
        });
        assertThat(CrashVerdict.of(137, true)).hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(IncidentKind.OUT_OF_MEMORY));
        assertThat(CrashVerdict.of(null, true)).hasValueSatisfying(v -> assertThat(v.summary()).doesNotContain("exit code"));
    }

    @Test
    void a_clean_exit_or_a_stop_by_sigterm_or_sigint_is_no_incident_and_any_other_code_is_a_crash() {
        assertThat(CrashVerdict.of(0, false)).isEmpty();
        assertThat(CrashVerdict.of(143, false)).isEmpty();
        assertThat(CrashVerdict.of(130, false)).isEmpty();
        assertThat(CrashVerdict.of(null, false)).isEmpty();
        assertThat(CrashVerdict.of(1, false)).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(IncidentKind.CRASHED);
            assertThat(v.summary()).isEqualTo("exited with code 1");
        });
        assertThat(CrashVerdict.of(134, false)).hasValueSatisfying(v -> assertThat(v.summary()).contains("SIGABRT"));
    }

    @Test
    void segfaults_the_oom_killer_and_out_of_memory_errors_are_found_in_log_lines_and_ordinary_lines_are_not() {
        assertThat(CrashPatterns.match("Segmentation fault (core dumped)")).hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(IncidentKind.SEGFAULT));
        assertThat(CrashPatterns.match("worker 12 received SIGSEGV")).hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(IncidentKind.SEGFAULT));
        assertThat(CrashPatterns.match("[ 1234.5] Out of memory: Killed process 4242 (python3) total-vm:1024kB"))
                .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(IncidentKind.OUT_OF_MEMORY));
        assertThat(CrashPatterns.match("Killed process 4242 (node)")).hasValueSatisfying(v -> assertThat(v.summary()).contains("OOM killer"));
        assertThat(CrashPatterns.match("{\"level\":\"error\",\"message\":\"java.lang.OutOfMemoryError: Java heap space\"}"))
                .hasValueSatisfying(v -> assertThat(v.summary()).contains("out-of-memory error"));
        assertThat(CrashPatterns.match("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")).isPresent();

        assertThat(CrashPatterns.match("{\"level\":\"info\",\"message\":\"heartbeat\"}")).isEmpty();
        assertThat(CrashPatterns.match("GET /status 200")).isEmpty();
        assertThat(CrashPatterns.match("memory usage 512 MB, killed 3 idle sessions")).isEmpty();
    }

    @Test
    void a_crash_message_past_the_first_two_thousand_characters_of_a_huge_line_is_not_looked_for() {
        assertThat(CrashPatterns.match("x".repeat(5_000) + " Segmentation fault")).isEmpty();
        assertThat(CrashPatterns.match("Segmentation fault " + "x".repeat(5_000_000))).isPresent();
    }
}
