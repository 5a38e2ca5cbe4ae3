package io.stackkeeper.stack;

import java.util.List;
import java.util.Map;

/**
 * A container to create from scratch (the demo stack's sample containers).
 *
 * @param binds host folder to container path
 * @param ports container port to host port, published on 127.0.0.1
 * @param memoryBytes the container's memory limit, 0 for none
 */
record ContainerSpec(String name, String image, Map<String, String> environment, Map<String, String> binds,
        Map<Integer, Integer> ports, Map<String, String> labels, String restartPolicy, List<String> command, long memoryBytes) {

    ContainerSpec(String name, String image, Map<String, String> environment, Map<String, String> binds,
            Map<Integer, Integer> ports, Map<String, String> labels, String restartPolicy, List<String> command) {
        this(name, image, environment, binds, ports, labels, restartPolicy, command, 0);
    }

    ContainerSpec withMemoryLimit(long bytes) {
        return new ContainerSpec(name, image, environment, binds, ports, labels, restartPolicy, command, bytes);
    }
}
