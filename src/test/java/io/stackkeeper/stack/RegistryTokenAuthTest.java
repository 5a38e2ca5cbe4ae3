package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bearer-token challenge that Quay.io and Docker Hub answer with, played by a small local server (the real
 * loopback registry only does anonymous access; RegistryClientTest covers that against it).
 */
class RegistryTokenAuthTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/token", exchange -> {
            String basic = "Basic " + Base64.getEncoder().encodeToString("robot:s3cret".getBytes(StandardCharsets.UTF_8));
            boolean rightCredentials = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean rightScope = exchange.getRequestURI().getRawQuery().contains("scope=repository%3Atoucan%2Fbackend%3Apull");
            byte[] body = rightCredentials && rightScope ? "{\"token\":\"abc123\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(rightCredentials && rightScope ? 200 : 401, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v2/", exchange -> {
            if (!"Bearer abc123".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate",
                        "Bearer realm=\"" + base + "/token\",service=\"test-registry\",scope=\"repository:toucan/backend:pull\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            byte[] body = "{\"name\":\"toucan/backend\",\"tags\":[\"89.0.0\",\"90.0.0\",\"latest-monthly\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_bearer_challenge_is_answered_with_a_token_from_the_realm_using_the_credentials() {
        assertThat(new RegistryClient(base, "robot", "s3cret", Duration.ofSeconds(3)).tags("toucan/backend"))
                .containsExactly("89.0.0", "90.0.0", "latest-monthly");
    }

    @Test
    void wrong_credentials_are_named_as_such() {
        assertThatThrownBy(() -> new RegistryClient(base, "robot", "wrong", Duration.ofSeconds(3)).tags("toucan/backend"))
                .isInstanceOf(StackException.class).hasMessageContaining("check the username and password");
    }
}
