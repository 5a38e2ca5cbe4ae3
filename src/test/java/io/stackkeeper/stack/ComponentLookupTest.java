package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The logic above the engine port, run against a fake client that {@link StackClients} hands out instead of the real one. */
class ComponentLookupTest {

    private final List<String> opened = new ArrayList<>();
    private final Map<String, ContainerFacts> composeServices = Map.of("shop/api", container("shop-api-1"));
    private final StackClients clients = new StackClients(Duration.ofSeconds(1), (endpoint, tls, timeout) -> {
        opened.add(endpoint);
        return fakeEngine();
    });

    @Test
    void the_configured_engine_is_opened_once_and_again_only_when_its_endpoint_changes_or_the_settings_are_saved() {
        clients.of(settings("unix:///a.sock"));
        clients.of(settings("unix:///a.sock"));
        clients.of(settings("tcp://engine:2376"));
        clients.forget();
        clients.of(settings("tcp://engine:2376"));

        assertThat(opened).containsExactly("unix:///a.sock", "tcp://engine:2376", "tcp://engine:2376");
    }

    @Test
    void a_container_is_found_by_its_compose_service_and_a_missing_one_is_named_with_its_project() {
        ComponentFacts facts = new ComponentFacts(null, clients, null);

        assertThat(facts.container(settings("unix:///a.sock"), StackPart.BACKEND).name()).isEqualTo("shop-api-1");
        assertThatThrownBy(() -> facts.container(settings("unix:///a.sock"), StackPart.FRONTEND))
                .isInstanceOf(StackException.class).hasMessage("The engine has no service 'web' of project 'shop'.");
    }

    private StackClient fakeEngine() {
        return (StackClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StackClient.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "findByComposeService" -> Optional.ofNullable(composeServices.get(args[0] + "/" + args[1]));
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static UnsealedSettings settings(String endpoint) {
        return new UnsealedSettings(endpoint, null, ContainerLookup.COMPOSE, null, null, "shop", "api", "web", null, null, null,
                null, null, null, null, null, null, null, null, false);
    }

    private static ContainerFacts container(String name) {
        return new ContainerFacts("id-" + name, name, "shop/api:1.0.0", "sha256:1", "1.0.0", false, "running", null, 0, null, false, 0,
                List.of(), List.of(), Map.of(), List.of(), List.of(), "no");
    }
}
