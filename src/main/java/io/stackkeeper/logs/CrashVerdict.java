package io.stackkeeper.logs;

import java.util.Optional;

/**
 * Whether a container's death is an incident, and which: 139 is a segfault, 137 an out-of-memory kill when the engine
 * says so (its {@code oom} event or {@code State.OOMKilled}) and a plain SIGKILL otherwise, any other non-zero code a
 * crash. 0 and the codes of a stop (143 for SIGTERM, 130 for SIGINT) are not incidents.
 */
record CrashVerdict(IncidentKind kind, String summary) {

    static Optional<CrashVerdict> of(Integer exitCode, boolean outOfMemory) {
        if (outOfMemory) {
            return Optional.of(new CrashVerdict(IncidentKind.OUT_OF_MEMORY,
                    "killed for memory (out of memory)" + (exitCode == null ? "" : ", exit code " + exitCode)));
        }
        if (exitCode == null || exitCode == 0 || exitCode == 143 || exitCode == 130) {
            return Optional.empty();
        }
        return Optional.of(switch (exitCode) {
            case 139 -> new CrashVerdict(IncidentKind.SEGFAULT, "segmentation fault (SIGSEGV), exit code 139");
            case 137 -> new CrashVerdict(IncidentKind.KILLED,
                    "killed by SIGKILL, exit code 137: the kernel's OOM killer (under a memory limit the engine did not report) or a stop that outran its grace period");
            case 134 -> new CrashVerdict(IncidentKind.CRASHED, "aborted (SIGABRT), exit code 134");
            default -> new CrashVerdict(IncidentKind.CRASHED, "exited with code " + exitCode);
        });
    }
}
