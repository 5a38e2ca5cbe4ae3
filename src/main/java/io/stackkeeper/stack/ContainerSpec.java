package io.stackkeeper.stack;

import java.util.List;
import java.util.Map;

/**
 * A container to create from scratch (the demo stack's sample containers).
 *
 * @param binds host folder to container path
 * @param ports container port to host port, published on 127.0.0.1
 */
record ContainerSpec(String name, String image, Map<String, String> environment, Map<String, String> binds,
        Map<Integer, Integer> ports, Map<String, String> labels, String restartPolicy, List<String> command) {
}
