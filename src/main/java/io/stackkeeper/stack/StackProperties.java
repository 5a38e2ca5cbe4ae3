package io.stackkeeper.stack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal talks to the stack.
 *
 * @param timeout limit of every network call to a stack component ({@code STACKKEEPER_STACK_TIMEOUT}, default 5 s)
 * @param demoDockerHost engine endpoint of the demo's sample containers
 * @param demoRegistry registry holding the sample images, as set up by {@code scripts/local-engine.sh}
 * @param demoName prefix of the demo's container names
 * @param demoBackendPort loopback port the demo backend is published on
 * @param demoFrontendPort loopback port the demo frontend is published on
 */
@ConfigurationProperties("stackkeeper.stack")
record StackProperties(@DefaultValue("5s") Duration timeout,
        @DefaultValue("unix:///run/stackkeeper-engine/podman.sock") String demoDockerHost,
        @DefaultValue("127.0.0.1:5151") String demoRegistry, @DefaultValue("stackkeeper-demo") String demoName,
        @DefaultValue("18100") int demoBackendPort, @DefaultValue("18181") int demoFrontendPort) {
}
