package io.stackkeeper.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine says about one container. Environment values are never carried (they hold secrets): only names.
 *
 * @param name without the leading slash
 * @param image the image reference the container was created from
 * @param version the pinned version of that image's tag, or {@code null} for a floating tag
 * @param state {@code running}, {@code exited}, ...
 * @param health {@code healthy}, {@code unhealthy}, {@code starting}, or {@code null} without a health check
 */
public record ContainerFacts(String id, String name, String image, String imageId, String version, boolean floatingTag,
        String state, Instant startedAt, int restartCount, String health, boolean oomKilled, int exitCode,
        List<Mount> mounts, List<PublishedPort> ports, Map<String, String> labels, List<String> environmentNames,
        List<String> networks, String restartPolicy) {

    /** A bind mount or volume. */
    public record Mount(String source, String destination, boolean readWrite) {
    }

    /** A container port, with its host binding when published. */
    public record PublishedPort(int containerPort, String protocol, String hostIp, Integer hostPort) {
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The host folder mounted at {@code destination}, if any. */
    public java.util.Optional<String> hostPathOf(String destination) {
        return mounts.stream().filter(m -> destination.equals(m.destination())).map(Mount::source).findFirst();
    }
}
