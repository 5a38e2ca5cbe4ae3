package io.stackkeeper.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * A container of the sample backend's image on the real engine that only writes JSON lines, fast, for the live log
 * viewer's load tests: {@code linesPerSecond} lines (every tenth of level warn, a {@code user} field 0..49), in ten
 * bursts a second, each line with
 * {@code up}: the kernel's uptime in seconds (two decimals) when its burst began, which the host reads in {@code
 * /proc/uptime} too (the engine stamps lines in whole seconds). Close it to remove it.
 */
public final class ChattyContainer implements Closeable {

    public final String name = "sk-chatty-" + UUID.randomUUID().toString().substring(0, 6);
    private final DockerClient docker;

    public ChattyContainer(int linesPerSecond) {
        LocalEngine.requireRunning();
        String image = LocalEngine.backendImage("89.0.0");
        try (DockerStackClient engine = new DockerStackClient(LocalEngine.DOCKER_HOST, null, Duration.ofSeconds(5))) {
            if (!engine.imagePresent(image)) {
                engine.pull(image, Duration.ofSeconds(60));
            }
        }
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(LocalEngine.DOCKER_HOST).withApiVersion("1.41").build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
        // the shell loop itself takes a little of each tenth of a second
        int burst = linesPerSecond / 10 + linesPerSecond / 200;
        String script = """
                i=0; while :; do u=$(cut -d' ' -f1 /proc/uptime); \
                seq $((i+1)) $((i+BURST)) | awk -v u="$u" '{ printf "{\\"level\\":\\"%s\\",\\"logger\\":\\"load\\",\\"message\\":\\"line %d\\",\\"user\\":%d,\\"up\\":%s}\\n", ($1 % 10 == 0 ? "warn" : "info"), $1, $1 % 50, u }'; \
                i=$((i+BURST)); usleep 100000; done""".replace("BURST", Integer.toString(burst));
        docker.createContainerCmd(image).withName(name).withEntrypoint("/bin/sh", "-c", script).exec();
        docker.startContainerCmd(name).exec();
    }

    @Override
    public void close() {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // already gone
        }
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
