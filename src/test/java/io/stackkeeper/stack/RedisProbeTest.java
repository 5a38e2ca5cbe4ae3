package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RedisProbe against a real redis-server process on a free port, then with that process stopped. */
class RedisProbeTest {

    @TempDir
    Path dir;

    private Process redis;
    private int port;

    @BeforeEach
    void startRedis() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--requirepass", "redis-secret", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.readString(dir.resolve("redis.log")).contains("Ready to accept"); i++) {
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopRedis() {
        redis.destroy();
    }

    @Test
    void ping_and_info_report_version_memory_and_clients() {
        RedisFacts facts = new RedisProbe("redis://:redis-secret@127.0.0.1:" + port, Duration.ofSeconds(2)).facts();
        assertThat(facts.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(facts.usedMemoryBytes()).isPositive();
        assertThat(facts.connectedClients()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_wrong_password_is_named_as_such() {
        assertThatThrownBy(() -> new RedisProbe("redis://:wrong@127.0.0.1:" + port, Duration.ofSeconds(2)).facts())
                .isInstanceOf(StackException.class).hasMessageContaining("refused the credentials");
    }

    @Test
    void a_stopped_redis_is_reported_unreachable() throws IOException, InterruptedException {
        redis.destroy();
        redis.waitFor();
        assertThatThrownBy(() -> new RedisProbe("redis://:redis-secret@127.0.0.1:" + port, Duration.ofSeconds(2)).facts())
                .isInstanceOf(StackException.class).hasMessageContaining("not reachable").hasMessageContaining(String.valueOf(port));
    }

    @Test
    void a_uri_that_is_not_redis_is_refused() {
        assertThatThrownBy(() -> new RedisProbe("http://127.0.0.1:6379", Duration.ofSeconds(1)))
                .hasMessageContaining("redis://");
    }
}
