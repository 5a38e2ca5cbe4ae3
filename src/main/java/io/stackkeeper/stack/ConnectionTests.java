package io.stackkeeper.stack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/** "Test connection" of each part of the stack with the values typed on the settings page, or the stored ones. */
@Component
record ConnectionTests(StackSettingsStore store, StackClients clients, BoundedCalls calls) {

    CompletableFuture<ConnectionCheck> engine(String endpoint, String tlsPath) {
        Map<String, String> problems = StackSettingsRules.engineProblems(endpoint, tlsPath);
        if (!problems.isEmpty()) {
            return CompletableFuture.completedFuture(new ConnectionCheck(false, String.join(" ", problems.values()), 0));
        }
        return calls.check(() -> {
            try (StackClient client = clients.open(endpoint.strip(), StackSettingsRules.trim(tlsPath))) {
                EngineInfo engine = client.ping();
                return "Reachable: " + engine.product() + " " + engine.version() + " (API " + engine.apiVersion() + ").";
            }
        });
    }

    CompletableFuture<ConnectionCheck> mongo(String uri) {
        String target = typedOrStored(uri, UnsealedSettings::mongoUri);
        if (target == null) {
            return CompletableFuture.completedFuture(new ConnectionCheck(false, "No MongoDB URI is set.", 0));
        }
        return calls.check(() -> {
            try (MongoAdmin mongo = new MongoAdmin(target, timeout())) {
                String version = mongo.version();
                boolean authenticated = new com.mongodb.ConnectionString(target).getCredential() != null;
                return "Reachable: MongoDB " + version + ", featureCompatibilityVersion " + mongo.featureCompatibilityVersion()
                        + (authenticated ? ", authentication ok." : ", no credentials in the URI.");
            }
        });
    }

    CompletableFuture<ConnectionCheck> redis(String uri) {
        String target = typedOrStored(uri, UnsealedSettings::redisUri);
        if (target == null) {
            return CompletableFuture.completedFuture(new ConnectionCheck(false, "No Redis URI is set.", 0));
        }
        return calls.check(() -> {
            RedisFacts redis = new RedisProbe(target, timeout()).facts();
            return "Reachable: Redis " + redis.version() + ", " + redis.usedMemoryHuman() + " used, "
                    + redis.connectedClients() + " clients.";
        });
    }

    CompletableFuture<ConnectionCheck> registry(String url, String username, String password, String repository) {
        String secret = password != null ? password : store.unsealed().map(UnsealedSettings::registryPassword).orElse(null);
        return calls.check(() -> {
            RegistryClient registry = new RegistryClient(url, username, secret, timeout());
            if (repository == null || repository.isBlank()) {
                return registry.check() + ".";
            }
            List<String> tags = registry.tags(repository.strip());
            long pinned = tags.stream().filter(t -> ImageReference.parse("x:" + t).version().isPresent()).count();
            return "Reachable: " + repository.strip() + " has " + tags.size() + " tags (" + pinned + " pinned versions).";
        });
    }

    CompletableFuture<ConnectionCheck> backend(String url, String userAgent) {
        String agent = typedOrStored(userAgent, UnsealedSettings::statusUserAgent);
        String base = url != null && !url.isBlank() ? url : store.unsealed().map(UnsealedSettings::backendUrl).orElse(null);
        return calls.check(() -> {
            HttpResponse<String> root = StackHttp.get(base, "/", null, timeout());
            HttpResponse<String> status = StackHttp.get(base, "/status", agent, timeout());
            String rootPart = "/ answered " + root.statusCode();
            return switch (status.statusCode()) {
                case 200 -> "Reachable: " + rootPart + ", /status answered 200 with the configured User-Agent.";
                case 403 -> throw new StackException(rootPart + ", but /status refused the User-Agent (403): check the status-page User-Agent.");
                default -> throw new StackException(rootPart + ", but /status answered " + status.statusCode() + ".");
            };
        });
    }

    CompletableFuture<ConnectionCheck> frontend(String url) {
        return calls.check(() -> {
            HttpResponse<String> version = StackHttp.get(url, "/tucana-version.txt", null, timeout());
            if (version.statusCode() != 200) {
                throw new StackException("/tucana-version.txt answered " + version.statusCode() + ".");
            }
            return "Reachable: frontend version " + version.body().strip() + ".";
        });
    }

    private String typedOrStored(String typed, java.util.function.Function<UnsealedSettings, String> stored) {
        return typed != null && !typed.isBlank() ? typed.strip() : store.unsealed().map(stored).orElse(null);
    }

    private Duration timeout() {
        return calls.timeout();
    }
}
