package io.stackkeeper.stack;

/**
 * New stack settings, grouped by the part of the stack they reach. For the secret fields ({@code mongoUri},
 * {@code redisUri}, {@code statusUserAgent}, {@code registry.password}) {@code null} keeps the stored value and an
 * empty string removes it.
 *
 * @param storageHostPath the backend's storage folder on the portal's host, or null to detect it from its mount
 */
public record StackSettingsChange(Engine engine, Containers containers, Databases databases, Urls urls, String storageHostPath,
        Registry registry) {

    public StackSettingsChange {
        engine = engine == null ? new Engine(null, null) : engine;
        containers = containers == null ? new Containers(null, null, null, null, null, null) : containers;
        databases = databases == null ? new Databases(null, null) : databases;
        urls = urls == null ? new Urls(null, null, null) : urls;
        registry = registry == null ? new Registry(null, null, null, null, null) : registry;
    }

    /** The container engine's API endpoint and, for tcp with TLS, its certificate folder. */
    public record Engine(String endpoint, String tlsPath) {
    }

    /** How the backend and frontend containers are found: by name, or by compose project and service. */
    public record Containers(ContainerLookup lookupMode, String backendContainer, String frontendContainer, String composeProject,
            String backendService, String frontendService) {

        public static Containers named(String backendContainer, String frontendContainer) {
            return new Containers(ContainerLookup.NAME, backendContainer, frontendContainer, null, null, null);
        }
    }

    /** The connection URIs of MongoDB and Redis (secrets). */
    public record Databases(String mongoUri, String redisUri) {
        @Override
        public String toString() {
            return "Databases[secrets hidden]";
        }
    }

    /** Where the backend and frontend answer over HTTP, and the User-Agent {@code /status} requires (a secret). */
    public record Urls(String backendUrl, String frontendUrl, String statusUserAgent) {
        @Override
        public String toString() {
            return "Urls[backendUrl=" + backendUrl + ", frontendUrl=" + frontendUrl + ", statusUserAgent hidden]";
        }
    }

    /** The image registry, its credentials (the password a secret) and the two repositories. */
    public record Registry(String url, String username, String password, String backendRepository, String frontendRepository) {
        @Override
        public String toString() {
            return "Registry[url=" + url + ", username=" + username + ", password hidden]";
        }
    }

    public StackSettingsChange withContainers(Containers changed) {
        return new StackSettingsChange(engine, changed, databases, urls, storageHostPath, registry);
    }

    public StackSettingsChange withDatabases(Databases changed) {
        return new StackSettingsChange(engine, containers, changed, urls, storageHostPath, registry);
    }

    @Override
    public String toString() {
        return "StackSettingsChange[engineEndpoint=" + engine.endpoint() + ", lookupMode=" + containers.lookupMode() + ", secrets hidden]";
    }
}
