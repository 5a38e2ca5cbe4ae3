package io.stackkeeper.stack;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port to the container engine that runs the stack. Implementations turn engine failures into
 * {@link StackException}s with clear messages (unreachable, permission denied, not found, not pullable).
 */
interface StackClient extends Closeable {

    EngineInfo ping();

    List<ContainerFacts> listContainers();

    Optional<ContainerFacts> inspect(String nameOrId);

    /** The container of a compose service, found by the labels compose puts on it. */
    Optional<ContainerFacts> findByComposeService(String project, String service);

    /** Creates and starts a container. */
    ContainerFacts run(ContainerSpec spec);

    void stop(String nameOrId, Duration grace);

    void start(String nameOrId);

    void remove(String nameOrId);

    /**
     * Replaces a container by one created from {@code image}, keeping its name, environment, mounts, ports, networks,
     * labels and restart policy (values the old image supplied are left to the new image). The new container is
     * started; if it cannot be created or started, the old one is put back and started again.
     */
    default ContainerFacts recreate(String nameOrId, String image, Duration grace) {
        return recreate(nameOrId, image, grace, java.util.Map.of());
    }

    /** As {@link #recreate(String, String, Duration)}, with the host folders of some bind mounts replaced (container path to new host path). */
    ContainerFacts recreate(String nameOrId, String image, Duration grace, java.util.Map<String, String> newBindSources);

    List<ImageFacts> listImages();

    boolean imagePresent(String image);

    /** The ID ({@code sha256:...}) of an image on the engine, by reference or ID; empty when absent. */
    Optional<String> imageId(String image);

    /** Pulls an image by pinned tag; floating tags are refused. */
    void pull(String image, Duration timeout);

    void tag(String image, String repository, String tag);

    /** Removes the reference {@code image}; the image itself stays while other tags or containers use it. */
    void untag(String image);

    /** The last {@code lines} lines a container wrote to stdout and stderr, oldest first. */
    List<String> logTail(String nameOrId, int lines);

    /**
     * Follows a container's output, each line with the engine's time before it ({@code 2026-12-03T10:00:00.123456789Z
     * text}): from {@code since} on (whole seconds, so lines of that second come again), or the last {@code tail} lines
     * when {@code since} is null. {@code ended} runs once when the stream ends (the container stopped or went away, or
     * the handle was closed); close the handle to stop.
     */
    Closeable followLogs(String nameOrId, Instant since, int tail, Consumer<String> stampedLine, Runnable ended);

    /**
     * Follows the engine's container events (start, die, oom, kill, ...) from {@code since} on (whole seconds; null: from
     * now); {@code ended} runs once when the stream ends (the engine went away, or the handle was closed); close the
     * handle to stop.
     */
    Closeable events(Instant since, Consumer<ContainerEvent> event, Runnable ended);

    @Override
    void close();
}
