package io.stackkeeper.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the real container engine and image registry that {@code scripts/local-engine.sh} sets up
 * (rootful podman serving the Docker API, Debian's docker-registry with the sample images).
 */
final class LocalEngine {

    static final String DOCKER_HOST = System.getenv().getOrDefault("STACKKEEPER_TEST_DOCKER_HOST", "unix:///run/stackkeeper-engine/podman.sock");
    static final String REGISTRY = System.getenv().getOrDefault("STACKKEEPER_TEST_REGISTRY", "127.0.0.1:5151");

    private LocalEngine() {
    }

    static String backendImage(String version) {
        return REGISTRY + "/stackkeeper/sample-backend:" + version;
    }

    static String frontendImage(String version) {
        return REGISTRY + "/stackkeeper/sample-frontend:" + version;
    }

    /** Fails with the command that fixes it, so a missing engine is never mistaken for a passing test. */
    static void requireRunning() {
        Path socket = Path.of(DOCKER_HOST.replaceFirst("^unix://", ""));
        if (DOCKER_HOST.startsWith("unix://") && !Files.exists(socket)) {
            throw new IllegalStateException("No container engine at " + DOCKER_HOST + ": run 'sudo scripts/local-engine.sh' first "
                    + "(scripts/test.sh does this when run as root).");
        }
    }
}
