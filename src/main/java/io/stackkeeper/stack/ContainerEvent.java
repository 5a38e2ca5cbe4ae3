package io.stackkeeper.stack;

import java.time.Instant;

/**
 * Something the engine reported of a container: {@code start}, {@code die}, {@code oom}, {@code kill},
 * {@code restart}, ...
 *
 * @param exitCode the code a {@code die} reported, or null
 * @param signal the signal a {@code kill} sent, or null
 */
public record ContainerEvent(String action, String containerId, String containerName, Integer exitCode, String signal, Instant at) {

    public boolean died() {
        return "die".equals(action);
    }

    public boolean killed() {
        return "kill".equals(action);
    }

    public boolean stopped() {
        return "stop".equals(action);
    }

    public boolean outOfMemory() {
        return "oom".equals(action);
    }

    /** Removed from the engine ({@code destroy} in Docker, {@code remove} in podman). */
    public boolean removed() {
        return "destroy".equals(action) || "remove".equals(action);
    }

    public boolean started() {
        return "start".equals(action);
    }
}
