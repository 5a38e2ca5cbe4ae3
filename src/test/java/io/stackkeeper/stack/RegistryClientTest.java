package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registry client against the real loopback registry that holds the sample images. */
class RegistryClientTest {

    private final RegistryClient registry = new RegistryClient("http://" + LocalEngine.REGISTRY, null, null, Duration.ofSeconds(5));

    @Test
    void lists_every_pushed_version_of_the_sample_backend() {
        LocalEngine.requireRunning();
        assertThat(registry.tags("stackkeeper/sample-backend"))
                .contains("44.4.0", "56.1.0", "60.0.0", "76.0.0", "77.0.0", "89.0.0", "90.0.0", "90.0.1");
        assertThat(registry.check()).contains("answered 200").contains("anonymous");
    }

    @Test
    void an_unknown_repository_is_named() {
        LocalEngine.requireRunning();
        assertThatThrownBy(() -> registry.tags("stackkeeper/no-such-thing")).isInstanceOf(StackException.class)
                .hasMessageContaining("no repository 'stackkeeper/no-such-thing'");
    }

    @Test
    void an_unreachable_registry_and_a_malformed_url_are_explained() {
        assertThatThrownBy(() -> new RegistryClient("http://127.0.0.1:1", null, null, Duration.ofSeconds(2)).tags("a/b"))
                .isInstanceOf(StackException.class).hasMessageContaining("not reachable");
        assertThatThrownBy(() -> new RegistryClient("quay.io", null, null, Duration.ofSeconds(2)))
                .hasMessageContaining("must look like");
    }
}
