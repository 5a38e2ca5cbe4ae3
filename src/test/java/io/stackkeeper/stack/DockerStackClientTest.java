package io.stackkeeper.stack;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

/** The docker-java adapter against rootful podman's Docker API. */
class DockerStackClientTest extends StackClientContract {

    @BeforeAll
    static void engineIsThere() {
        LocalEngine.requireRunning();
    }

    @Override
    protected StackClient client() {
        return new DockerStackClient(LocalEngine.DOCKER_HOST, null, Duration.ofSeconds(5));
    }

    @Override
    protected StackClient clientOfAnEngineThatIsDown() {
        return new DockerStackClient("unix:///tmp/no-engine-here.sock", null, Duration.ofSeconds(2));
    }
}
