package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import io.stackkeeper.RedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RedisProbe against a real redis-server process on a free port, then with that process stopped. */
class RedisProbeTest {

    @TempDir
    Path dir;

    private RedisProcess redis;
    private int port;

    @BeforeEach
    void startRedis() throws Exception {
        redis = new RedisProcess(dir, "redis-secret");
        port = redis.port();
    }

    @AfterEach
    void stopRedis() {
        redis.close();
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
        redis.stop();
        assertThatThrownBy(() -> new RedisProbe("redis://:redis-secret@127.0.0.1:" + port, Duration.ofSeconds(2)).facts())
                .isInstanceOf(StackException.class).hasMessageContaining("not reachable").hasMessageContaining(String.valueOf(port));
    }

    @Test
    void a_uri_that_is_not_redis_is_refused() {
        assertThatThrownBy(() -> new RedisProbe("http://127.0.0.1:6379", Duration.ofSeconds(1)))
                .hasMessageContaining("redis://");
    }
}
