package io.stackkeeper.logs;

/** What happened to a container. */
public enum IncidentKind {
    /** Killed by SIGSEGV (exit code 139), or a segmentation fault written to its log. */
    SEGFAULT("segmentation fault"),
    /** Killed for memory: the engine's {@code oom} event or {@code State.OOMKilled}, or an out-of-memory message. */
    OUT_OF_MEMORY("out of memory"),
    /** Killed by SIGKILL (exit code 137) without the engine saying why: the OOM killer, or a stop that outran its grace. */
    KILLED("killed"),
    /** Exited on its own with another non-zero code. */
    CRASHED("crashed"),
    /** Died three times or more within ten minutes. */
    RESTART_LOOP("restart loop");

    private final String words;

    IncidentKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
